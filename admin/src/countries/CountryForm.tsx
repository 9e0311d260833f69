import { BooleanInput, required, SimpleForm, TextInput } from 'react-admin';

import { digits, parseUpperCase, requiredText, upperLetters } from '../common/validation';

const validateName = requiredText(200);
const validateAlpha2 = [required(), upperLetters(2)];
const validateAlpha3 = [required(), upperLetters(3)];
const validateNumeric = [required(), digits(3)];

export const CountryForm = () => (
  <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 640 }}>
    <TextInput source="nameLv" validate={validateName} autoFocus />
    <TextInput source="nameEn" validate={validateName} />
    <TextInput source="alpha2" validate={validateAlpha2} parse={parseUpperCase} />
    <TextInput source="alpha3" validate={validateAlpha3} parse={parseUpperCase} />
    <TextInput source="numeric" validate={validateNumeric} />
    <BooleanInput source="hagueAdoption1993" defaultValue={false} />
    <BooleanInput source="bilateralAdoptionAgreement" defaultValue={false} />
  </SimpleForm>
);
