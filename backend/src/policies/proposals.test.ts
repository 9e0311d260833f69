import { childInput } from '../children/schema';
import { adopterInput } from '../adopters/schema';
import { siblingGroupInput } from '../sibling-groups/schema';
import { hiddenFields } from './fields';
import { can } from './permissions';
import {
  notResponsibleFor,
  proposableFields,
  proposes,
  responsibilityTable,
} from '@adoption/model';
import { roles } from './roles';

const writable = (shape: object) =>
  Object.keys(shape).filter((f) => f !== 'confirmLikelyDuplicate');
const inputs = {
  children: writable(childInput.shape),
  adopters: writable(adopterInput.shape),
  'sibling-groups': writable(siblingGroupInput.shape),
};
const sorted = (a: readonly string[]) => [...a].sort();

describe('what a care institution may propose', () => {
  const fields = proposableFields('care_institution', 'children', 'update');

  it('updates of the health and development groups and placement changes', () => {
    expect(sorted(fields)).toEqual(
      sorted([
        'health',
        'furtherTreatment',
        'healthConditions',
        'disabilityGroup',
        'disabilityFrom',
        'disabilityUntil',
        'disabilitySource',
        'motherPregnancy',
        'personality',
        'development',
        'relativesContact',
        'careForm',
        'careProviderId',
      ]),
    );
  });

  it('not the religion, the birth family, identity or the adoption group', () => {
    expect(
      notResponsibleFor('care_institution', 'children', 'update', [
        'religion',
        'birthFamilyCharacterisation',
        'relatives',
        'surname',
        'consent',
        'health',
      ]),
    ).toEqual(['religion', 'birthFamilyCharacterisation', 'relatives', 'surname', 'consent']);
  });

  it('no new child and nothing about adopters', () => {
    expect(proposableFields('care_institution', 'children', 'create')).toEqual([]);
    expect(proposableFields('care_institution', 'adopters', 'update')).toEqual([]);
    expect(proposableFields('care_institution', 'adopters', 'create')).toEqual([]);
  });
});

describe('what an orphan court may propose', () => {
  it("a new child's whole record sheet: every field of the card", () => {
    expect(sorted(proposableFields('orphan_court', 'children', 'create'))).toEqual(
      sorted(inputs.children),
    );
  });

  it('its decisions on a child: care, clearance abroad, legal status', () => {
    expect(sorted(proposableFields('orphan_court', 'children', 'update'))).toEqual(
      sorted([
        'careForm',
        'careOrphanCourtId',
        'careDecisionNumber',
        'careDecisionDate',
        'careProviderId',
        'clearedAbroad',
        'abroadCourtDecisionNumber',
        'abroadCourtDecisionDate',
        'legallyFree',
        'legalStatusNote',
      ]),
    );
    expect(notResponsibleFor('orphan_court', 'children', 'update', ['health', 'religion'])).toEqual(
      ['health', 'religion'],
    );
  });

  it('adopters it recognised, new or changed, except the refusals', () => {
    for (const kind of ['create', 'update'] as const) {
      expect(sorted(proposableFields('orphan_court', 'adopters', kind))).toEqual(
        sorted(inputs.adopters.filter((f) => f !== 'refusals')),
      );
    }
  });
});

describe('what an orphan court may propose of a sibling group', () => {
  it('its separation decision, not the specialist’s note, and no new groups', () => {
    expect(proposableFields('orphan_court', 'sibling-groups', 'update')).toEqual([
      'mayBeSeparated',
      'separationOrphanCourtId',
      'separationDecisionNumber',
      'separationDecisionDate',
    ]);
    expect(proposableFields('orphan_court', 'sibling-groups', 'create')).toEqual([]);
    expect(proposableFields('care_institution', 'sibling-groups', 'update')).toEqual([]);
  });
});

describe('the responsibility table agrees with the other policies', () => {
  it('only care institutions and orphan courts propose', () => {
    expect(roles.filter(proposes).sort()).toEqual(['care_institution', 'orphan_court']);
    for (const role of roles.filter((r) => !proposes(r))) {
      for (const resource of ['children', 'adopters', 'sibling-groups'] as const) {
        expect(proposableFields(role, resource, 'update')).toEqual([]);
        expect(proposableFields(role, resource, 'create')).toEqual([]);
      }
    }
  });

  it('lists only writable fields, each once', () => {
    for (const [role, byResource] of Object.entries(responsibilityTable())) {
      for (const [resource, byKind] of Object.entries(byResource ?? {})) {
        for (const fields of Object.values(byKind ?? {})) {
          const known = inputs[resource as keyof typeof inputs];
          expect({ role, unknown: fields.filter((f) => !known.includes(f)) }).toEqual({
            role,
            unknown: [],
          });
          expect(new Set(fields).size).toBe(fields.length);
        }
      }
    }
  });

  it('never lets a role propose a field it may not see, nor a resource it may not read', () => {
    for (const role of roles) {
      for (const resource of ['children', 'adopters'] as const) {
        const fields = [
          ...proposableFields(role, resource, 'update'),
          ...proposableFields(role, resource, 'create'),
        ];
        if (fields.length === 0) continue;
        expect(can(role, `${resource}:read`)).toBe(true);
        const hidden = hiddenFields(resource, role);
        expect(fields.filter((f) => hidden.has(f))).toEqual([]);
      }
    }
  });

  it('lets every proposer read and send change requests, and nobody else send them', () => {
    for (const role of roles) {
      expect(can(role, 'change-requests:write')).toBe(proposes(role));
      if (proposes(role)) expect(can(role, 'change-requests:read')).toBe(true);
    }
  });
});
