/** Roles of the register's users (lomas). Scope rules for the external roles come with Security. */
export const roles = [
  'administrator', // system administrator (administrators)
  'adoption_specialist', // LM Children and Family Policy Dept. specialist (adopcijas speciālists)
  'head_of_department', // approves overrides, signs letters (nodaļas vadītājs)
  'care_institution', // care institution, foster family, guardian (aprūpes iestāde)
  'orphan_court', // orphan court (bāriņtiesa)
  'analyst', // statistics, aggregated data only (analītiķis)
  'auditor', // data-protection officer / auditor: audit trail only (auditors)
] as const;
export type Role = (typeof roles)[number];
