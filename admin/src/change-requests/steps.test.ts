import { proposableFields } from '@adoption/model';
import {
  acceptProblem,
  changedValues,
  isProposalResource,
  proposalFormErrors,
  statusColour,
} from './steps';

describe('the registers proposed from a record’s page', () => {
  it('children and sibling groups, not adopters', () => {
    expect(isProposalResource('sibling-groups')).toBe(true);
    expect(isProposalResource('children')).toBe(true);
    expect(isProposalResource('adopters')).toBe(false);
    expect(isProposalResource(undefined)).toBe(false);
  });
});

describe('changedValues', () => {
  const child = {
    health: 'Astma.',
    development: null,
    careProviderId: 4,
    healthConditions: [{ condition: 'Astma', icd10: 'J45', since: null, treatment: null }],
    religion: 'katoliete',
  };
  const fields = ['health', 'development', 'careProviderId', 'healthConditions'];

  it('sends only what changed, blank as null, trimmed', () => {
    expect(
      changedValues(
        child,
        { ...child, health: ' Astma. ', development: 'Runā.  ', careProviderId: 4 },
        fields,
      ),
    ).toEqual({ development: 'Runā.' });
    expect(changedValues(child, { ...child, health: '' }, fields)).toEqual({ health: null });
  });

  it('compares sub-lists row by row, ignoring blank members and key order', () => {
    const same = [{ icd10: 'J45', condition: 'Astma', since: '', treatment: undefined }];
    expect(changedValues(child, { ...child, healthConditions: same }, fields)).toEqual({});
    const more = [...same, { condition: 'Alerģija', icd10: '' }];
    expect(changedValues(child, { ...child, healthConditions: more }, fields)).toEqual({
      healthConditions: [{ condition: 'Astma', icd10: 'J45' }, { condition: 'Alerģija' }],
    });
  });

  it('never sends a field outside the list', () => {
    expect(changedValues(child, { ...child, religion: 'luterāne' }, fields)).toEqual({});
  });

  it("sends a sibling group's decision whole, and only the fields that changed", () => {
    const fields = proposableFields('orphan_court', 'sibling-groups');
    const group = {
      mayBeSeparated: false,
      separationOrphanCourtId: null,
      separationDecisionNumber: null,
      separationDecisionDate: null,
      note: 'Turēt kopā.',
    };
    const decision = {
      mayBeSeparated: true,
      separationOrphanCourtId: 3,
      separationDecisionNumber: ' BT-2026/14 ',
      separationDecisionDate: '2026-03-02',
    };
    expect(changedValues(group, { ...group, ...decision, note: 'Cits.' }, fields)).toEqual({
      ...decision,
      separationDecisionNumber: 'BT-2026/14',
    });
    const decided = { ...group, ...decision, separationDecisionNumber: 'BT-2026/14' };
    expect(
      changedValues(decided, { ...decided, separationDecisionNumber: 'BT-2026/15' }, fields),
    ).toEqual({ separationDecisionNumber: 'BT-2026/15' });
  });
});

describe('proposalFormErrors', () => {
  it('puts `changes.<field>` errors under the field', () => {
    expect(
      proposalFormErrors({
        errors: { 'changes.disabilityFrom': 'app.validation.server.required', other: 'x' },
      }),
    ).toEqual({ disabilityFrom: 'app.validation.server.required', other: 'x' });
    expect(proposalFormErrors({ detail: 'x' })).toBeUndefined();
  });
});

describe('acceptProblem', () => {
  const proposed = ['health', 'development'];

  it('recognises a conflict with the fields and current values', () => {
    expect(
      acceptProblem(
        409,
        { code: 'changed_since_proposal', fields: ['health'], current: { health: 'X' } },
        'm',
        proposed,
      ),
    ).toEqual({ kind: 'conflict', fields: ['health'], current: { health: 'X' } });
  });

  it('recognises a likely duplicate', () => {
    expect(acceptProblem(409, { code: 'likely_duplicate' }, 'm', proposed)).toEqual({
      kind: 'duplicate',
    });
  });

  it('asks to complete fields the rules need and the proposal lacks', () => {
    expect(
      acceptProblem(
        400,
        {
          errors: {
            abroadCommissionOpinionDate: 'app.validation.server.required',
            health: 'too long',
            'fields.0': 'not proposed',
          },
        },
        'm',
        proposed,
      ),
    ).toEqual({
      kind: 'incomplete',
      fields: ['abroadCommissionOpinionDate'],
      messages: { abroadCommissionOpinionDate: 'app.validation.server.required' },
    });
    expect(acceptProblem(400, { errors: { health: 'x' } }, 'Bad', proposed)).toEqual({
      kind: 'other',
      message: 'Bad',
    });
  });

  it('colours statuses', () => {
    expect(statusColour('pending')).toBe('warning');
    expect(statusColour('accepted')).toBe('success');
    expect(statusColour('returned')).toBe('error');
  });
});
