/* English texts of the register differences' work queue; the tree of registerDifferences.lv.ts. */
export const registerDifferencesAppEn = {
  register_differences: {
    assign_me: 'Assign to me',
    unassign: 'Unassign',
    resolve: 'Resolve',
    open_card: 'Open the card',
    actions: 'Actions',
    assigned: 'The difference is assigned to you',
    unassigned_done: 'No longer assigned',
    resolved: 'The difference is resolved',
    resolve_title: 'Resolve the difference',
    resolve_intro:
      '%{name} — %{field}: ours "%{ours}", the state register\'s "%{theirs}". Say why ours stays as it is. The reason is also shown by the card\'s check in the state registers.',
    reason: 'Reason',
    reason_help: "Required. If the register's value is right, open the card and take it over.",
    conflict:
      'Somebody else changed this difference meanwhile (assigned or resolved it). The list is reloaded: check it and try again.',
    withheld: 'hidden (your role has no access)',
    person_field: 'Person (not found in the register)',
    death_date_field: 'Date of death',
    holder: 'Assigned to',
    holders: {
      all: 'All',
      mine: 'Assigned to me',
      unassigned: 'Unassigned',
    },
    resources: {
      children: 'Child',
      adopters: 'Adopter',
    },
  },
};

export const registerDifferencesResourcesEn = {
  'register-differences': {
    name: 'Register difference |||| Register differences',
    fields: {
      id: 'No.',
      recordName: 'Person',
      resource: 'Card',
      register: 'Register',
      kind: 'Kind',
      field: 'Field',
      ours: 'Ours',
      theirs: 'State register',
      state: 'Comparison',
      status: 'Status',
      foundAt: 'Found',
      seenAt: 'Last seen',
      assignedToName: 'Assigned to',
      assignedAt: 'Assigned at',
      resolution: 'Resolution',
      resolutionReason: 'Reason',
      resolvedByName: 'Resolved by',
      resolvedAt: 'Resolved',
    },
  },
};
