import { required, SelectInput, SimpleForm, TextInput } from 'react-admin';

import { territoryKindChoices } from '../choices';
import { digits, requiredText } from '../common/validation';

const validateAtvkCode = [required(), digits(7)];
const validateName = requiredText(200);
const validateKind = required();

export const TerritoryForm = () => (
  <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 640 }}>
    <TextInput source="atvkCode" validate={validateAtvkCode} autoFocus />
    <TextInput source="name" validate={validateName} />
    <SelectInput source="kind" choices={territoryKindChoices} validate={validateKind} />
  </SimpleForm>
);
