import { required, SelectInput, SimpleForm, TextInput } from 'react-admin';

import { careProviderKindChoices } from '../choices';
import { TerritoryReferenceInput } from '../common/TerritoryReferenceInput';
import { digits, optionalEmail, optionalPhone, requiredText } from '../common/validation';

const validateName = requiredText(300);
const validateKind = required();
const validateRegistrationNumber = [digits(11)];
const validateLegalAddress = requiredText(300);
const validateTerritory = required();

export const CareProviderForm = () => (
  <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 640 }}>
    <TextInput source="name" validate={validateName} autoFocus />
    <SelectInput source="kind" choices={careProviderKindChoices} validate={validateKind} />
    <TextInput source="registrationNumber" validate={validateRegistrationNumber} />
    <TextInput source="legalAddress" validate={validateLegalAddress} />
    <TerritoryReferenceInput validate={validateTerritory} />
    <TextInput source="phone" validate={optionalPhone} type="tel" />
    <TextInput source="email" validate={optionalEmail} type="email" />
  </SimpleForm>
);
