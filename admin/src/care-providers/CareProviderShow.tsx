import {
  EmailField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';

import { careProviderKindChoices } from '../choices';
import { RecordHistory } from '../audit';
import { recordMetaFields } from '../common/recordMetaFields';

export const CareProviderShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="kind" choices={careProviderKindChoices} />
      <TextField source="registrationNumber" />
      <TextField source="legalAddress" />
      <ReferenceField source="territoryId" reference="territories" link="show" />
      <TextField source="phone" />
      <EmailField source="email" />
      {recordMetaFields()}
    </SimpleShowLayout>
    <RecordHistory />
  </Show>
);
