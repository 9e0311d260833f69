import { Edit } from 'react-admin';

import { CountryForm } from './CountryForm';

export const CountryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <CountryForm />
  </Edit>
);
