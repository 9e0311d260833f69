/* English texts of the adoption process (admin/src/offers/); the tree of offers.lv.ts. */
export const offersMenuEn = { process: 'Adoption process' };

export const offersAppEn = {
  offers: {
    menu: 'Offers',
    title_show: 'Offer no. %{id}',
    and: 'and',
    from_run: 'From selection no. %{id}',
    from_override: "Outside the selection, with a head of department's approval",
    no_moves: 'The offer has ended: no further moves.',
    timeline: 'Timeline',
    deadlines: 'Deadlines',
    no_deadlines: 'No deadlines yet.',
    override_title: 'Override (outside the selection result)',
    override_requested: 'Requested by %{name}, %{date}',
    override_approved: 'Approved by %{name}, %{date}',
    override_open: 'Open override request no. %{id}',
    move_done: "The offer's status has changed",
    move_from: 'Current status: %{status}',
    move_on: 'Date',
    move_save: 'Save',
    reason: 'Reason (optional)',
    reason_required: 'Reason',
    unreasoned: 'The adopter gave no reason for the refusal',
    sent_help:
      "The adopter receives a letter with the case reference and the answer date (no child's personal data).",
    fields: {
      id: 'No.',
      status: 'Status',
      adopter: 'Adopter',
      children: 'Children',
      sentOn: 'Information sent',
      answerBy: 'Answer by',
      nextDeadline: 'Next deadline',
      updatedAt: 'Changed',
      deadlineWithinDays: 'Deadline in the next N days',
      overdue: 'Overdue deadline',
      live: 'Live',
      happenedOn: 'Date',
      reason: 'Reason',
      createdBy: 'Recorded by',
      deadlineKind: 'Deadline',
      dueOn: 'Due',
      doneOn: 'Done',
      outcomeReason: 'Reason of the outcome',
    },
    overrides: {
      menu: 'Override requests',
      title_show: 'Override request no. %{id}',
      approve: 'Approve',
      refuse: 'Refuse',
      withdraw: 'Withdraw the request',
      confirm: 'Confirm the decision',
      note: 'Note (optional)',
      note_required: 'Reason for refusing',
      own: 'You cannot decide your own request: another head of department decides it.',
      done: 'Request saved',
      decided_approved: 'Approved by %{name}, %{date}',
      decided_refused: 'Refused by %{name}, %{date}',
      fields: {
        id: 'No.',
        status: 'Status',
        adopter: 'Adopter',
        children: 'Children',
        reason: 'Reason',
        requestedBy: 'Requested by',
        decidedBy: 'Decided by',
        createdAt: 'Requested',
      },
    },
    refusals: {
      counts:
        'Refusals: %{total} (with a reason %{reasoned}, without %{unreasoned}); offers declined: %{declined}.',
      rule_foreign:
        'Rule (foreign adopters): %{count} refusals without a reason within %{months} months — no information about children for %{pause} months.',
      rule_all:
        'Rule: %{count} refusals without a reason within %{months} months — no information about children for %{pause} months.',
      recent: 'Refusals without a reason since %{from}: %{count}.',
      paused: 'The rule is met: no new information about children until %{until}.',
      court_review:
        'Suggested: ask the orphan court to re-evaluate the adopter (the rule was met on %{date}).',
    },
  },
};

export const offersResourcesEn = {
  offers: { name: 'Offer |||| Offers', fields: { id: 'No.' } },
  'override-requests': { name: 'Override request |||| Override requests', fields: { id: 'No.' } },
};
