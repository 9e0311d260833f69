import { adopterGroups } from '@adoption/model';
import { useCallback, useState } from 'react';
import {
  AutocompleteInput,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  TabbedForm,
  TextInput,
  useRecordContext,
} from 'react-admin';

import { CardToolbar } from '../common/CardToolbar';
import { cardFormSx } from '../common/cardForm';
import { oldEnoughAtDecision } from '../common/cardValidation';
import { adopterOriginChoices, languageChoices } from '../choices';
import { FieldHistory } from '../common/FieldHistory';
import { PersonalCodeInput } from '../common/PersonalCodeInput';
import { differentCode, notBefore, notInFuture, requiredWithAny } from '../common/personValidation';
import { useFieldGroups } from '../common/useFieldGroups';
import { optionalEmail, optionalPhone, requiredText } from '../common/validation';
import { WatchValue } from '../common/WatchValue';
import { ForeignInputs, longText, RefusalInputs, WishesInputs } from './AdopterFormSections';
import { LvDateInput } from '../common/LvDateInput';

// The API's rules (backend/src/adopters/schema.ts, rules.ts), checked here first.
const afterBirth = ['birthDate', 'app.register.validation.before_birth'] as const;
const afterTraining = [
  'trainingCertificateDate',
  'app.register.validation.before_training',
] as const;
const afterDecision = ['decisionDate', 'app.register.validation.before_decision'] as const;
/** The second spouse: given names, surname and birth date together or not at all. */
const spouse = ['spouseGivenNames', 'spouseSurname', 'spouseBirthDate', 'spousePersonalCode'];
const spouseNeeds = (source: string) => requiredWithAny(spouse.filter((s) => s !== source));

const validateRequired = required();
const validateName = requiredText(200);
const validateBirthDate = [required(), notInFuture(), oldEnoughAtDecision];
const validateSpouseGivenNames = [maxLength(200), spouseNeeds('spouseGivenNames')];
const validateSpouseSurname = [maxLength(200), spouseNeeds('spouseSurname')];
const validateSpouseBirthDate = [
  notInFuture(),
  spouseNeeds('spouseBirthDate'),
  oldEnoughAtDecision,
];
const validateSpouseCode = [differentCode('personalCode')];
const validateAddress = requiredText(300);
const validateDecisionNumber = requiredText(50);
const validateDecisionDate = [required(), notInFuture(), notBefore([afterBirth, afterTraining])];
const validateValidUntil = [notBefore([afterDecision])];
const validateEnteredOn = [
  required(),
  notInFuture(),
  notBefore([afterBirth, afterTraining, afterDecision]),
];
const validateTrainingNumber = [maxLength(50), requiredWithAny(['trainingCertificateDate'])];
const validateTrainingDate = [
  notInFuture(),
  requiredWithAny(['trainingCertificateNumber']),
  notBefore([afterBirth]),
];
const validateShort = [maxLength(200)];
const validateEthnicity = [maxLength(100)];

/**
 * An adopter record in tabs: applicant and spouse, contacts, the recognising decision and the
 * training, background, wishes, the foreign adopter's details (only for origin "foreign"), refused
 * offers; on an existing record also the history. Ctrl+S saves; a 409 opens the merge dialog.
 */
export const AdopterForm = () => {
  const { can } = useFieldGroups('adopters', adopterGroups);
  const record = useRecordContext();
  const existing = record?.id !== undefined;
  // The foreign tab follows the origin chosen in the form (read from inside it).
  const [origin, setOrigin] = useState<unknown>(record?.origin ?? 'latvian');
  const onOrigin = useCallback((value: unknown) => setOrigin(value), []);
  return (
    <TabbedForm
      warnWhenUnsavedChanges
      sx={cardFormSx}
      toolbar={
        <CardToolbar>
          <WatchValue name="origin" onChange={onOrigin} />
        </CardToolbar>
      }
    >
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
          <LvDateInput source="birthDate" validate={validateBirthDate} />
          <PersonalCodeInput source="personalCode" birthDateSource="birthDate" />
          <TextInput source="spouseSurname" validate={validateSpouseSurname} />
          <TextInput source="spouseGivenNames" validate={validateSpouseGivenNames} />
          <LvDateInput source="spouseBirthDate" validate={validateSpouseBirthDate} />
          <PersonalCodeInput
            source="spousePersonalCode"
            birthDateSource="spouseBirthDate"
            validate={validateSpouseCode}
          />
        </TabbedForm.Tab>
      )}
      {can('contact') && (
        <TabbedForm.Tab label="app.register.tabs.contact" path="contact">
          <TextInput source="declaredAddress" validate={validateAddress} fullWidth />
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
            <AutocompleteInput validate={validateRequired} sx={{ minWidth: 360 }} />
          </ReferenceInput>
          <TextInput source="decisionNumber" validate={validateDecisionNumber} />
          <LvDateInput source="decisionDate" validate={validateDecisionDate} />
          <LvDateInput source="decisionValidUntil" validate={validateValidUntil} />
          <LvDateInput source="enteredOn" validate={validateEnteredOn} />
          <TextInput source="trainingCertificateNumber" validate={validateTrainingNumber} />
          <LvDateInput source="trainingCertificateDate" validate={validateTrainingDate} />
        </TabbedForm.Tab>
      )}
      {can('background') && (
        <TabbedForm.Tab label="app.register.tabs.background" path="background">
          <TextInput source="religion" validate={validateShort} />
          <TextInput source="ethnicity" validate={validateEthnicity} />
          <TextInput source="motivation" {...longText} />
        </TabbedForm.Tab>
      )}
      {can('wishes') && (
        <TabbedForm.Tab label="app.register.tabs.wishes" path="wishes">
          <WishesInputs />
        </TabbedForm.Tab>
      )}
      {can('foreign') && origin === 'foreign' && (
        <TabbedForm.Tab label="app.register.tabs.foreign" path="foreign">
          <ForeignInputs />
        </TabbedForm.Tab>
      )}
      {can('refusals') && (
        <TabbedForm.Tab label="app.register.tabs.refusals" path="refusals">
          <RefusalInputs />
        </TabbedForm.Tab>
      )}
      {existing && (
        <TabbedForm.Tab label="app.register.tabs.history" path="history">
          <FieldHistory resource="adopters" />
        </TabbedForm.Tab>
      )}
    </TabbedForm>
  );
};
