import { adopterGroups, childGroups, visibleGroups } from './fieldGroups';

// The permissions GET /api/auth/me gives each role (backend/src/policies/fields.ts).
const specialist = [
  'children:read',
  'children:write',
  ...childGroups.map((g) => `children.${g}:read`),
  ...adopterGroups.map((g) => `adopters.${g}:read`),
];
const careInstitution = [
  'children:read',
  'children.identity:read',
  'children.placement:read',
  'children.health:read',
  'children.development:read',
];

describe('field groups', () => {
  it('shows a specialist every group, in the record sheet order', () => {
    expect(visibleGroups(specialist, 'children', childGroups)).toEqual([
      'identity',
      'placement',
      'religion',
      'health',
      'development',
      'birthFamily',
      'adoption',
    ]);
    expect(visibleGroups(specialist, 'adopters', adopterGroups)).toEqual([
      'identity',
      'contact',
      'recognition',
      'background',
      'wishes',
      'foreign',
      'refusals',
    ]);
  });

  it('hides religion, the birth family and adoption from a care institution', () => {
    expect(visibleGroups(careInstitution, 'children', childGroups)).toEqual([
      'identity',
      'placement',
      'health',
      'development',
    ]);
    expect(visibleGroups(careInstitution, 'adopters', adopterGroups)).toEqual([]);
  });

  it('needs the group permission itself, not the resource permission', () => {
    expect(visibleGroups(['children:read', 'children:write'], 'children', childGroups)).toEqual([]);
    expect(visibleGroups(['children.health:write'], 'children', childGroups)).toEqual([]);
    expect(visibleGroups(['adopters.identity:read'], 'children', childGroups)).toEqual([]);
  });

  it('shows nothing before the permissions are known, everything for "*"', () => {
    expect(visibleGroups(undefined, 'children', childGroups)).toEqual([]);
    expect(visibleGroups(['*'], 'children', childGroups)).toEqual([...childGroups]);
  });
});
