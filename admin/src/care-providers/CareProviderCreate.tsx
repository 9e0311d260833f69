import { Create } from 'react-admin';

import { CareProviderForm } from './CareProviderForm';

export const CareProviderCreate = () => (
  <Create redirect="show">
    <CareProviderForm />
  </Create>
);
