import { roles } from './enums';
import {
  notResponsibleFor,
  proposableFields,
  proposalGroups,
  proposes,
  proposesNewChild,
  responsibilityTable,
} from './proposals';

// The API checks these tables against its input schemas (backend/src/policies/proposals.test.ts).
describe('the fields a role proposes', () => {
  it('care institution: health, development, placement changes — in groups', () => {
    expect(proposalGroups('care_institution', 'children').map((g) => g.group)).toEqual([
      'health',
      'development',
      'placement',
    ]);
    expect([...proposableFields('care_institution', 'children')].sort()).toEqual(
      [
        'health',
        'healthConditions',
        'disabilityGroup',
        'disabilityFrom',
        'disabilityUntil',
        'disabilitySource',
        'motherPregnancy',
        'furtherTreatment',
        'personality',
        'development',
        'relativesContact',
        'careForm',
        'careProviderId',
      ].sort(),
    );
  });

  it('orphan court: its decisions, and new children; others nothing', () => {
    expect(proposableFields('orphan_court', 'children')).toContain('careDecisionNumber');
    expect(proposableFields('orphan_court', 'children')).not.toContain('health');
    expect(proposableFields('adoption_specialist', 'children')).toEqual([]);
    expect(proposesNewChild('orphan_court')).toBe(true);
    expect(proposesNewChild('care_institution')).toBe(false);
    expect(roles.filter(proposes)).toEqual(['care_institution', 'orphan_court']);
  });

  it("orphan court: a sibling group's separation decision, and nothing else of the group", () => {
    expect(proposableFields('orphan_court', 'sibling-groups')).toEqual([
      'mayBeSeparated',
      'separationOrphanCourtId',
      'separationDecisionNumber',
      'separationDecisionDate',
    ]);
    expect(proposableFields('care_institution', 'sibling-groups')).toEqual([]);
    expect(proposableFields('adoption_specialist', 'sibling-groups')).toEqual([]);
  });

  it('an orphan court proposes the adopters it recognised, but not their refusals', () => {
    const fields = proposableFields('orphan_court', 'adopters', 'create');
    expect(fields).toContain('decisionDate');
    expect(fields).not.toContain('refusals');
    expect(proposableFields('orphan_court', 'adopters', 'update')).toEqual(fields);
  });

  it('names the fields a role is not responsible for', () => {
    expect(
      notResponsibleFor('care_institution', 'children', 'update', ['health', 'religion']),
    ).toEqual(['religion']);
  });

  it('lists each field once per role, resource and kind', () => {
    const table = responsibilityTable();
    expect(Object.keys(table)).toEqual(['care_institution', 'orphan_court']);
    for (const byResource of Object.values(table))
      for (const byKind of Object.values(byResource ?? {}))
        for (const fields of Object.values(byKind ?? {})) {
          expect(fields.length).toBeGreaterThan(0);
          expect(new Set(fields).size).toBe(fields.length);
        }
  });
});
