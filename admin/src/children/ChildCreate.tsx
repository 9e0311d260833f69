import { Create } from 'react-admin';

import { ChildForm, clearProvider } from './ChildForm';

export const ChildCreate = () => (
  <Create redirect="show" transform={clearProvider}>
    <ChildForm />
  </Create>
);
