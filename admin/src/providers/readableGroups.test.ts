import { adopterGroups, childGroups, fieldPermissions } from '@adoption/model';
import { readableGroups } from './canAccess';

// Permissions as GET /api/auth/me gives them: the resource's and the model's field groups.
const specialist = ['children:read', 'children:write', ...fieldPermissions('adoption_specialist')];
const careInstitution = ['children:read', ...fieldPermissions('care_institution')];

describe('the field groups the console shows', () => {
  it('shows a specialist every group, in the record sheet order', () => {
    expect(readableGroups(specialist, 'children', childGroups)).toEqual([
      'identity',
      'placement',
      'religion',
      'health',
      'development',
      'birthFamily',
      'adoption',
    ]);
    expect(readableGroups(specialist, 'adopters', adopterGroups)).toEqual([
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
    expect(readableGroups(careInstitution, 'children', childGroups)).toEqual([
      'identity',
      'placement',
      'health',
      'development',
    ]);
    expect(readableGroups(careInstitution, 'adopters', adopterGroups)).toEqual([]);
  });

  it('needs the group permission itself, not the resource permission', () => {
    expect(readableGroups(['children:read', 'children:write'], 'children', childGroups)).toEqual(
      [],
    );
    expect(readableGroups(['children.health:write'], 'children', childGroups)).toEqual([]);
    expect(readableGroups(['adopters.identity:read'], 'children', childGroups)).toEqual([]);
  });

  it('shows nothing before the permissions are known, everything for "*"', () => {
    expect(readableGroups(undefined, 'children', childGroups)).toEqual([]);
    expect(readableGroups(['*'], 'children', childGroups)).toEqual([...childGroups]);
  });
});
