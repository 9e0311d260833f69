import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { LvDateField } from '../common/LvDateField';

export const CountryShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="nameLv" />
      <TextField source="nameEn" />
      <TextField source="alpha2" />
      <TextField source="alpha3" />
      <TextField source="numeric" />
      <BooleanField source="hagueAdoption1993" />
      <TextField source="id" />
      <TextField source="version" />
      <LvDateField source="createdAt" showTime />
      <LvDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
