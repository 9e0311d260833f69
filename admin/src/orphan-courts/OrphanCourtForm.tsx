import { required, SimpleForm, TextInput } from 'react-admin';

import { TerritoryReferenceInput } from '../common/TerritoryReferenceInput';
import { optionalEmail, optionalPhone, requiredText } from '../common/validation';

const validateName = requiredText(200);
const validateAddress = requiredText(300);
const validateTerritory = required();

export const OrphanCourtForm = () => (
  <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 640 }}>
    <TextInput source="name" validate={validateName} autoFocus />
    <TerritoryReferenceInput validate={validateTerritory} />
    <TextInput source="address" validate={validateAddress} />
    <TextInput source="phone" validate={optionalPhone} type="tel" />
    <TextInput source="email" validate={optionalEmail} type="email" />
  </SimpleForm>
);
