import { Edit } from 'react-admin';

import { ChildForm, clearProvider } from './ChildForm';

// Pessimistic: a 409 (someone else saved first) or a field error is seen before leaving the form.
export const ChildEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={clearProvider}>
    <ChildForm />
  </Edit>
);
