import { Create } from 'react-admin';

import { AdopterForm } from './AdopterForm';
import { adopterTransform } from './transform';

export const AdopterCreate = () => (
  <Create redirect="show" transform={adopterTransform}>
    <AdopterForm />
  </Create>
);
