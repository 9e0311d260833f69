import { roles } from './enums';
import {
  adopterGroups,
  childGroups,
  fieldPermissions,
  fieldsOfGroups,
  groupedFields,
  hiddenFields,
  visibleGroups,
} from './fields';

describe('field groups', () => {
  it('lists the groups in the record sheet order (the card’s tabs)', () => {
    expect(childGroups).toEqual([
      'identity',
      'placement',
      'religion',
      'health',
      'development',
      'birthFamily',
      'adoption',
    ]);
    expect(adopterGroups).toEqual([
      'identity',
      'contact',
      'recognition',
      'background',
      'wishes',
      'foreign',
      'refusals',
    ]);
  });

  it('puts each field in one group only', () => {
    for (const resource of ['children', 'adopters'] as const) {
      const fields = groupedFields(resource);
      expect(fields.length).toBeGreaterThan(20);
      expect(new Set(fields).size).toBe(fields.length);
    }
  });

  it('shows a specialist and a head of department every group', () => {
    for (const role of ['adoption_specialist', 'head_of_department'] as const) {
      expect(visibleGroups('children', role)).toEqual([...childGroups]);
      expect(visibleGroups('adopters', role)).toEqual([...adopterGroups]);
      expect(hiddenFields('children', role).size).toBe(0);
    }
  });

  it('hides religion, the birth family and adoption — and every adopter — from a care institution', () => {
    expect(visibleGroups('children', 'care_institution')).toEqual([
      'identity',
      'placement',
      'health',
      'development',
    ]);
    expect(visibleGroups('adopters', 'care_institution')).toEqual([]);
    const hidden = hiddenFields('children', 'care_institution');
    expect(hidden.has('religion')).toBe(true);
    expect(hidden.has('relatives')).toBe(true);
    expect(hidden.has('consent')).toBe(true);
    expect(hidden.has('health')).toBe(false);
  });

  it('shows an analyst and an auditor no field of a person', () => {
    for (const role of ['analyst', 'auditor', 'administrator'] as const) {
      expect(fieldPermissions(role)).toEqual([]);
    }
  });

  it('names the groups a role sees as the console’s permissions', () => {
    expect(fieldPermissions('care_institution')).toEqual([
      'children.identity:read',
      'children.placement:read',
      'children.health:read',
      'children.development:read',
    ]);
    expect(fieldPermissions('orphan_court')).toHaveLength(
      childGroups.length + adopterGroups.length,
    );
    expect(roles.filter((r) => fieldPermissions(r).length > 0)).toEqual([
      'adoption_specialist',
      'head_of_department',
      'care_institution',
      'orphan_court',
    ]);
  });

  it('gives the fields of named groups in group order', () => {
    expect(fieldsOfGroups('children', 'development', 'religion')).toEqual([
      'personality',
      'development',
      'relativesContact',
      'religion',
    ]);
  });
});
