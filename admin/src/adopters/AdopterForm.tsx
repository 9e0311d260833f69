import {
  AutocompleteInput,
  DateInput,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  TabbedForm,
  TextInput,
} from 'react-admin';

import { languageChoices } from '../common/choices';
import { adopterGroups } from '../common/fieldGroups';
import { PersonalCodeInput } from '../common/PersonalCodeInput';
import { differentCode, notBefore, notInFuture, requiredWithAny } from '../common/personValidation';
import { useFieldGroups } from '../common/useFieldGroups';
import { optionalEmail, optionalPhone, requiredText } from '../common/validation';
import { adopterOriginChoices } from './choices';

// The API's rules (backend/src/adopters/schema.ts), checked here first.
const afterBirth = ['birthDate', 'app.register.validation.before_birth'] as const;
const afterDecision = ['decisionDate', 'app.register.validation.before_decision'] as const;
/** The second spouse: given names, surname and birth date together or not at all. */
const spouse = ['spouseGivenNames', 'spouseSurname', 'spouseBirthDate', 'spousePersonalCode'];
const spouseNeeds = (source: string) => requiredWithAny(spouse.filter((s) => s !== source));

const validateRequired = required();
const validateName = requiredText(200);
const validateBirthDate = [required(), notInFuture()];
const validateSpouseGivenNames = [maxLength(200), spouseNeeds('spouseGivenNames')];
const validateSpouseSurname = [maxLength(200), spouseNeeds('spouseSurname')];
const validateSpouseBirthDate = [notInFuture(), spouseNeeds('spouseBirthDate')];
const validateSpouseCode = [differentCode('personalCode')];
const validateAddress = requiredText(300);
const validateDecisionNumber = requiredText(50);
const validateDecisionDate = [required(), notInFuture(), notBefore([afterBirth])];
const validateValidUntil = [notBefore([afterDecision])];
const validateEnteredOn = [required(), notInFuture(), notBefore([afterBirth, afterDecision])];

/** An adopter record: applicant and spouse, contacts, the recognising decision and queue date. */
export const AdopterForm = () => {
  const { can } = useFieldGroups('adopters', adopterGroups);
  return (
    <TabbedForm warnWhenUnsavedChanges sx={{ maxWidth: 800 }}>
      {can('identity') && (
        <TabbedForm.Tab label="app.register.tabs.adopter">
          <SelectInput
            source="origin"
            choices={adopterOriginChoices}
            defaultValue="latvian"
            validate={validateRequired}
          />
          <TextInput source="surname" validate={validateName} autoFocus />
          <TextInput source="givenNames" validate={validateName} />
          <DateInput source="birthDate" validate={validateBirthDate} />
          <PersonalCodeInput source="personalCode" birthDateSource="birthDate" />
          <TextInput source="spouseSurname" validate={validateSpouseSurname} />
          <TextInput source="spouseGivenNames" validate={validateSpouseGivenNames} />
          <DateInput source="spouseBirthDate" validate={validateSpouseBirthDate} />
          <PersonalCodeInput
            source="spousePersonalCode"
            birthDateSource="spouseBirthDate"
            validate={validateSpouseCode}
          />
        </TabbedForm.Tab>
      )}
      {can('contact') && (
        <TabbedForm.Tab label="app.register.tabs.contact" path="contact">
          <TextInput source="declaredAddress" validate={validateAddress} />
          <TextInput source="phone" type="tel" validate={optionalPhone} />
          <TextInput source="email" type="email" validate={optionalEmail} />
          <SelectInput
            source="preferredLanguage"
            choices={languageChoices}
            defaultValue="lv"
            validate={validateRequired}
          />
        </TabbedForm.Tab>
      )}
      {can('recognition') && (
        <TabbedForm.Tab label="app.register.tabs.recognition" path="recognition">
          <ReferenceInput
            source="orphanCourtId"
            reference="orphan-courts"
            sort={{ field: 'name', order: 'ASC' }}
            perPage={50}
          >
            <AutocompleteInput validate={validateRequired} />
          </ReferenceInput>
          <TextInput source="decisionNumber" validate={validateDecisionNumber} />
          <DateInput source="decisionDate" validate={validateDecisionDate} />
          <DateInput source="decisionValidUntil" validate={validateValidUntil} />
          <DateInput source="enteredOn" validate={validateEnteredOn} />
        </TabbedForm.Tab>
      )}
    </TabbedForm>
  );
};
