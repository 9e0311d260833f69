import { Edit } from 'react-admin';

import { OrphanCourtForm } from './OrphanCourtForm';

export const OrphanCourtEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <OrphanCourtForm />
  </Edit>
);
