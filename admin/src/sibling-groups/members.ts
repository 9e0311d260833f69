/** A member as `GET /api/sibling-groups/:id` shows it (identity fields follow the field rules). */
export interface SiblingMember {
  id: number;
  givenNames?: string;
  surname?: string;
  birthDate?: string;
  status: string;
}

export interface SiblingGroupRecord {
  id: number;
  version: number;
  note: string | null;
  mayBeSeparated: boolean;
  separationOrphanCourtId: number | null;
  separationDecisionNumber: string | null;
  separationDecisionDate: string | null;
  children: SiblingMember[];
}

export const memberName = (m: SiblingMember) =>
  m.surname ? `${m.surname} ${m.givenNames ?? ''}`.trim() : `#${m.id}`;

/** "Bērziņš, Kalniņa (3)": the members' surnames, for menus and references. */
export const groupLabel = (g: { id: number | string; children?: SiblingMember[] }) => {
  const members = g.children ?? [];
  const surnames = [...new Set(members.map((m) => m.surname).filter(Boolean))];
  return surnames.length ? `${surnames.join(', ')} (${members.length})` : `#${g.id}`;
};

const separation = [
  'separationOrphanCourtId',
  'separationDecisionNumber',
  'separationDecisionDate',
] as const;

/** The API wants the decision only when the children may be separated: clear it otherwise. */
export const clearSeparation = (data: Record<string, unknown>) => ({
  ...data,
  ...(data.mayBeSeparated ? {} : Object.fromEntries(separation.map((field) => [field, null]))),
});
