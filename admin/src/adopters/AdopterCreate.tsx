import { Create } from 'react-admin';

import { AdopterForm } from './AdopterForm';

export const AdopterCreate = () => (
  <Create redirect="show">
    <AdopterForm />
  </Create>
);
