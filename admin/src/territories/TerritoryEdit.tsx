import { Edit } from 'react-admin';

import { TerritoryForm } from './TerritoryForm';

// Pessimistic: the PUT (whole record with `version`) must succeed before leaving the form, so a
// 409 conflict shows its problem `detail` while the user still sees the data.
export const TerritoryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <TerritoryForm />
  </Edit>
);
