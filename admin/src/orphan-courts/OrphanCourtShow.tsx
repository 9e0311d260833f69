import { EmailField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { LvDateField } from '../common/LvDateField';

export const OrphanCourtShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="territoryId" reference="territories" link="show" />
      <TextField source="address" />
      <TextField source="phone" />
      <EmailField source="email" />
      <TextField source="id" />
      <TextField source="version" />
      <LvDateField source="createdAt" showTime />
      <LvDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
