import { separationFields } from '@adoption/model';
import type { SiblingGroupMember } from '../types';

export const memberName = (m: SiblingGroupMember) =>
  m.surname ? `${m.surname} ${m.givenNames ?? ''}`.trim() : `#${m.id}`;

/** "Bērziņš, Kalniņa (3)": the members' surnames, for menus and references. */
export const groupLabel = (g: { id: number | string; children?: SiblingGroupMember[] }) => {
  const members = g.children ?? [];
  const surnames = [...new Set(members.map((m) => m.surname).filter(Boolean))];
  return surnames.length ? `${surnames.join(', ')} (${members.length})` : `#${g.id}`;
};

/** The API wants the decision only when the children may be separated: clear it otherwise. */
export const clearSeparation = (data: Record<string, unknown>) => ({
  ...data,
  ...(data.mayBeSeparated
    ? {}
    : Object.fromEntries(separationFields.map((field) => [field, null]))),
});
