import { Create } from 'react-admin';

import { TerritoryForm } from './TerritoryForm';

export const TerritoryCreate = () => (
  <Create redirect="show">
    <TerritoryForm />
  </Create>
);
