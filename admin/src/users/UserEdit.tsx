import { Edit } from 'react-admin';

import { UserForm } from './UserForm';

// A scope that no longer fits the chosen role is cleared before saving; the API checks it too.
const clearScope = (data: Record<string, unknown>) => ({
  ...data,
  careProviderId: data.role === 'care_institution' ? (data.careProviderId ?? null) : null,
  orphanCourtId: data.role === 'orphan_court' ? (data.orphanCourtId ?? null) : null,
});

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={clearScope}>
    <UserForm edit />
  </Edit>
);
