/*
 * The console's record types, as react-admin's examples keep them in src/types.ts: the shared
 * model's (model/src/records.ts), which the API's answer schemas are checked against. A card's
 * fields are optional because the API leaves out the groups the user's role may not see.
 */
export type {
  Adopter,
  AdopterFields,
  Child,
  ChildFields,
  HealthCondition,
  RecordMeta,
  Refusal,
  Relative,
  SiblingGroup,
  SiblingGroupMember,
} from '@adoption/model';
