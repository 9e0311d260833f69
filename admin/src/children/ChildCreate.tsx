import { Create } from 'react-admin';

import { ChildForm } from './ChildForm';
import { childTransform } from './transform';

export const ChildCreate = () => (
  <Create redirect="show" transform={childTransform}>
    <ChildForm />
  </Create>
);
