import type { Actor } from '../auth/actor';
import { can } from './permissions';
import {
  fieldPermissions,
  groupedFields,
  hiddenFields,
  presentFields,
  visibleGroups,
} from './fields';
import { inScope, recordScope, scopedRoles, type ScopedResource } from './scopes';
import { roles, type Role } from './roles';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'x',
  role,
  careProviderId: null,
  orphanCourtId: null,
  sessionId: 's',
  ...extra,
});
const resources: ScopedResource[] = ['children', 'adopters'];

describe('the policy tables agree with each other', () => {
  it.each(resources)('%s: a role that may read has a scope rule, and only those', (resource) => {
    const readers = roles.filter((r) => can(r, `${resource}:read`));
    expect(scopedRoles(resource).sort()).toEqual([...readers].sort());
  });

  it.each(resources)('%s: whoever may write sees every field and every row', (resource) => {
    for (const role of roles.filter((r) => can(r, `${resource}:write`))) {
      expect(hiddenFields(resource, role).size).toBe(0);
      expect(recordScope(resource, actor(role)).kind).toBe('all');
    }
  });

  it.each(resources)('%s: a role without read permission sees no field', (resource) => {
    for (const role of roles.filter((r) => !can(r, `${resource}:read`))) {
      expect(visibleGroups(resource, role)).toEqual([]);
    }
  });

  it('lists each field in one group only', () => {
    for (const resource of resources) {
      const fields = groupedFields(resource);
      expect(new Set(fields).size).toBe(fields.length);
    }
  });
});

describe('record scopes', () => {
  it('keeps a care institution to the children placed with it', () => {
    const scope = recordScope('children', actor('care_institution', { careProviderId: 7 }));
    expect(scope).toEqual({ kind: 'match', column: 'careProviderId', value: 7 });
    expect(inScope(scope, { careProviderId: 7 })).toBe(true);
    expect(inScope(scope, { careProviderId: 8 })).toBe(false);
    expect(inScope(scope, { careProviderId: null })).toBe(false);
  });

  it('keeps an orphan court to its own care decisions and recognised adopters', () => {
    const court = actor('orphan_court', { orphanCourtId: 3 });
    expect(recordScope('children', court)).toMatchObject({ column: 'careOrphanCourtId', value: 3 });
    expect(recordScope('adopters', court)).toMatchObject({ column: 'orphanCourtId', value: 3 });
  });

  it('gives a scoped user without its institution nothing, and unknown roles nothing', () => {
    expect(recordScope('children', actor('care_institution')).kind).toBe('none');
    expect(recordScope('adopters', actor('care_institution', { careProviderId: 1 })).kind).toBe(
      'none',
    );
    expect(recordScope('children', actor('analyst')).kind).toBe('none');
    expect(inScope({ kind: 'none' }, {})).toBe(false);
  });
});

describe('field rules', () => {
  const child = {
    id: 1,
    version: 2,
    status: 'available',
    givenNames: 'Anna',
    health: 'astma',
    religion: 'katolis',
    birthFamilyCharacterisation: 'x',
  };

  it('shows a care institution health but not religion or the birth family', () => {
    const shown = presentFields('children', 'care_institution', child);
    expect(shown).toEqual({
      id: 1,
      version: 2,
      status: 'available',
      givenNames: 'Anna',
      health: 'astma',
    });
  });

  it('shows specialists and orphan courts everything', () => {
    expect(presentFields('children', 'adoption_specialist', child)).toEqual(child);
    expect(presentFields('children', 'orphan_court', child)).toEqual(child);
  });

  it('tells the console the same in permission form', () => {
    expect(fieldPermissions('care_institution')).toEqual([
      'children.identity:read',
      'children.placement:read',
      'children.health:read',
      'children.development:read',
    ]);
    expect(fieldPermissions('analyst')).toEqual([]);
    expect(fieldPermissions('orphan_court')).toContain('adopters.contact:read');
  });
});
