import {
  BooleanField,
  EmailField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';

import { languageChoices, roleChoices } from '../choices';
import { LvDateField } from '../common/LvDateField';
import { recordMetaFields } from '../common/recordMetaFields';
import { UserActions } from './UserActions';

export const UserShow = () => (
  <Show actions={<UserActions />}>
    <SimpleShowLayout>
      <TextField source="displayName" />
      <TextField source="username" />
      <EmailField source="email" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField
        source="careProviderId"
        reference="care-providers"
        link="show"
        emptyText="—"
      />
      <ReferenceField source="orphanCourtId" reference="orphan-courts" link="show" emptyText="—" />
      <SelectField source="preferredLanguage" choices={languageChoices} />
      <BooleanField source="active" />
      <BooleanField source="mfaEnabled" />
      <LvDateField source="lastLoginAt" showTime />
      {recordMetaFields()}
    </SimpleShowLayout>
  </Show>
);
