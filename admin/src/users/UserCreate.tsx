import { Create } from 'react-admin';

import { UserForm } from './UserForm';

/** The new user receives an e-mail with a one-time link to set a password. */
export const UserCreate = () => (
  <Create
    redirect="show"
    transform={(data) => ({
      ...data,
      careProviderId: data.careProviderId ?? null,
      orphanCourtId: data.orphanCourtId ?? null,
    })}
  >
    <UserForm />
  </Create>
);
