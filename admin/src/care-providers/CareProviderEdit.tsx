import { Edit } from 'react-admin';

import { CareProviderForm } from './CareProviderForm';

export const CareProviderEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <CareProviderForm />
  </Edit>
);
