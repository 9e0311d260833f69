import { Edit } from 'react-admin';

import { AdopterForm } from './AdopterForm';

// Pessimistic: a 409 (someone else saved first) or a field error is seen before leaving the form.
export const AdopterEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <AdopterForm />
  </Edit>
);
