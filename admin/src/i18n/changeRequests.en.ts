/*
 * English texts of change requests (admin/src/change-requests/); en.ts spreads this block into
 * `app`. Same tree in changeRequests.lv.ts.
 */
export const changeRequestsAppEn = {
  change_requests: {
    menu: 'Change requests',
    title_show: 'Change request No. %{id}',
    title_propose: {
      child: "Propose changes to the child's card",
      sibling_group: 'Propose changes to the sibling group',
    },
    propose: 'Propose changes',
    propose_help: {
      child:
        "Change only the fields your organisation is responsible for. Only the changed fields are sent to the specialist; the child's card changes once the specialist accepts them.",
      sibling_group:
        "Give the orphan court's decision on whether the brothers and sisters may be adopted separately. Only the changed fields are sent to the specialist; the group changes once the specialist accepts them.",
    },
    new_child: 'New child record sheet',
    new_child_help:
      'The record sheet is sent to an adoption specialist. The child enters the register once the specialist accepts it.',
    start_from_child:
      'Changes are proposed from the child\'s card: open the child and press "Propose changes".',
    send: 'Send to the specialist',
    comment_to_specialist: 'Comment to the specialist (optional)',
    nothing_to_propose:
      "Your organisation answers for none of this record's fields: there is nothing to propose here.",
    nothing_changed: 'No field was changed: there is nothing to send.',
    proposer_note:
      "The request is waiting for an adoption specialist's decision. Until then nothing has changed in the register.",
    record_not_visible:
      'You can no longer see the record (for example, the child moved to another institution): only the proposed values are shown.',
    whole_record: 'New record (%{smart_count} field) |||| New record (%{smart_count} fields)',
    withdraw: 'Withdraw the request',
    accept_comment: 'Comment to the proposer (optional)',
    mail_comment_help:
      "The comment is also e-mailed to the proposer: do not write the child's personal data in it.",
    accept_selected:
      'Accept the ticked field (%{smart_count}) |||| Accept the ticked fields (%{smart_count})',
    accept_all: 'Accept all',
    accept_record: 'Accept the record',
    return: 'Return with a comment',
    return_title: 'Return the request to the proposer',
    return_comment: 'Why the request is returned',
    conflict: {
      title: 'These fields were changed in the register after the request was sent:',
      help: 'Compare the values. You can accept the proposed value anyway, or untick these fields.',
      override: 'Accept anyway',
    },
    duplicate: {
      help: 'The register already has a child with the same name and birth date. Check that this is not the same child.',
      confirm: 'This is another child: accept',
    },
    incomplete: {
      help: "For the change to meet the card's rules these fields must be filled in too (the proposer is not responsible for them):",
      accept: 'Accept with these values',
    },
    done: {
      sent: 'The request was sent to an adoption specialist',
      accepted: 'The changes were accepted and entered in the register',
      returned: 'The request was returned to the proposer',
      withdrawn: 'The request was withdrawn',
    },
    groups: {
      health: 'Health',
      development: 'Development and contact with relatives',
      placement: 'Placement (change of care form or institution)',
      care_decision: "The orphan court's decision on out-of-family care",
      abroad: 'Adoption abroad',
      legal_status: 'Legal status',
      separation: "Orphan court's decision on separating the siblings",
    },
    table: {
      title: 'Proposed changes',
      accept: 'Accept',
      field: 'Field',
      current: 'In the register now',
      proposed: 'Proposed',
      at_proposal: 'When proposed',
      changed: 'Changed since proposed',
      changed_help: 'The register value changed after the request was sent',
      was_accepted: 'Accepted',
      not_accepted: 'Not accepted',
    },
    fields: {
      id: 'No.',
      status: 'Status',
      resource: 'Register',
      kind: 'Kind',
      recordName: 'Record',
      fields: 'Proposed fields',
      proposedBy: 'Proposed by',
      careProviderId: 'Care institution',
      orphanCourtId: 'Orphan court',
      createdAt: 'Sent',
      decidedAt: 'Decided',
      decidedBy: 'Decided by',
      comment: "Proposer's comment",
      decisionComment: "Specialist's comment",
    },
    statuses: {
      pending: 'Awaiting decision',
      accepted: 'Accepted',
      partially_accepted: 'Partially accepted',
      returned: 'Returned',
      withdrawn: 'Withdrawn',
    },
    kinds: {
      update: 'Changes',
      create: 'New record',
    },
    resources: {
      children: 'Children',
      adopters: 'Adopters',
      'sibling-groups': 'Sibling groups',
    },
  },
};
