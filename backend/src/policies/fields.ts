import { hiddenFields, type FieldResource, type Role } from '@adoption/model';

/**
 * Field rules: which parts of a person record each role may see. The groups and who sees them
 * are the shared model's (model/src/fields.ts: the console hides the same parts); here is the
 * presenter every answer goes through.
 */
export {
  fieldPermissions,
  fieldsOfGroups,
  groupedFields,
  hiddenFields,
  visibleGroups,
  type FieldGroup,
  type FieldResource,
} from '@adoption/model';

/** The record without the fields the role must not see. */
export function presentFields<T extends Record<string, unknown>>(
  resource: FieldResource,
  role: Role,
  record: T,
): Partial<T> {
  const hidden = hiddenFields(resource, role);
  if (hidden.size === 0) return record;
  return Object.fromEntries(Object.entries(record).filter(([k]) => !hidden.has(k))) as Partial<T>;
}
