import { EmailField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { RecordHistory } from '../audit';
import { recordMetaFields } from '../common/recordMetaFields';

export const OrphanCourtShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="territoryId" reference="territories" link="show" />
      <TextField source="address" />
      <TextField source="phone" />
      <EmailField source="email" />
      {recordMetaFields()}
    </SimpleShowLayout>
    <RecordHistory />
  </Show>
);
