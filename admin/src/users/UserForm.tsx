import {
  AutocompleteInput,
  BooleanInput,
  email,
  FormDataConsumer,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';

import { languageChoices, roleChoices } from '../choices';
import { requiredText } from '../common/validation';

const validateUsername = [required(), regex(/^[a-z0-9._-]{3,64}$/, 'app.validation.username')];
const validateEmail = [required(), email()];

/** The account form. The user name is set once; the scope input appears for the roles that need one. */
export const UserForm = ({ edit = false }: { edit?: boolean }) => (
  <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 640 }}>
    <TextInput source="username" validate={validateUsername} disabled={edit} autoFocus={!edit} />
    <TextInput source="displayName" validate={requiredText(200)} autoFocus={edit} />
    <TextInput source="email" type="email" validate={validateEmail} />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <FormDataConsumer>
      {({ formData }) =>
        formData.role === 'care_institution' ? (
          <ReferenceInput source="careProviderId" reference="care-providers">
            <AutocompleteInput validate={required()} />
          </ReferenceInput>
        ) : formData.role === 'orphan_court' ? (
          <ReferenceInput source="orphanCourtId" reference="orphan-courts">
            <AutocompleteInput validate={required()} />
          </ReferenceInput>
        ) : null
      }
    </FormDataConsumer>
    <SelectInput
      source="preferredLanguage"
      choices={languageChoices}
      defaultValue="lv"
      validate={required()}
    />
    {edit && <BooleanInput source="active" />}
  </SimpleForm>
);
