import { Create } from 'react-admin';

import { OrphanCourtForm } from './OrphanCourtForm';

export const OrphanCourtCreate = () => (
  <Create redirect="show">
    <OrphanCourtForm />
  </Create>
);
