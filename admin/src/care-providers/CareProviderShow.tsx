import {
  EmailField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';

import { careProviderKindChoices } from '../common/choices';
import { LvDateField } from '../common/LvDateField';

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
      <TextField source="id" />
      <TextField source="version" />
      <LvDateField source="createdAt" showTime />
      <LvDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
