import { adopterGroups } from '@adoption/model';
import { useCallback, useState } from 'react';
import { maxLength, required, SelectInput, TextInput, useRecordContext } from 'react-admin';

import { oldEnoughAtDecision } from '../common/cardValidation';
import { adopterOriginChoices, languageChoices } from '../choices';
import { PersonalCodeInput } from '../common/PersonalCodeInput';
import { differentCode, notBefore, notInFuture, requiredWithAny } from '../common/personValidation';
import { useFieldGroups } from '../common/useFieldGroups';
import { optionalEmail, optionalPhone, requiredText } from '../common/validation';
import { WatchValue } from '../common/WatchValue';
import { ByNameInput, longTextInput as longText, PersonForm, WIDE } from '../people';
import { ForeignInputs, RefusalInputs, WishesInputs } from './AdopterFormSections';
import { LvDateInput } from '../common/LvDateInput';
import { RegisterEntryButton } from '../registers/RegisterEntry';

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
 * offers; on an existing record also the history. Saving and the 409 merge as PersonForm says.
 */
export const AdopterForm = () => {
  const { can } = useFieldGroups('adopters', adopterGroups);
  const record = useRecordContext();
  // The foreign tab follows the origin chosen in the form (read from inside it).
  const [origin, setOrigin] = useState<unknown>(record?.origin ?? 'latvian');
  const onOrigin = useCallback((value: unknown) => setOrigin(value), []);
  return (
    <PersonForm
      resource="adopters"
      toolbarExtra={<WatchValue name="origin" onChange={onOrigin} />}
      tabs={[
        {
          key: 'identity',
          label: 'app.register.tabs.adopter',
          show: can('identity'),
          content: (
            <>
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
              {/* A new record only: a saved one is compared through "Pārbaudīt reģistros". */}
              {record?.id === undefined && <RegisterEntryButton resource="adopters" />}
              <TextInput source="spouseSurname" validate={validateSpouseSurname} />
              <TextInput source="spouseGivenNames" validate={validateSpouseGivenNames} />
              <LvDateInput source="spouseBirthDate" validate={validateSpouseBirthDate} />
              <PersonalCodeInput
                source="spousePersonalCode"
                birthDateSource="spouseBirthDate"
                validate={validateSpouseCode}
              />
            </>
          ),
        },
        {
          key: 'contact',
          label: 'app.register.tabs.contact',
          path: 'contact',
          show: can('contact'),
          content: (
            <>
              <TextInput source="declaredAddress" validate={validateAddress} className={WIDE} />
              <TextInput source="phone" type="tel" validate={optionalPhone} />
              <TextInput source="email" type="email" validate={optionalEmail} />
              <SelectInput
                source="preferredLanguage"
                choices={languageChoices}
                defaultValue="lv"
                validate={validateRequired}
              />
            </>
          ),
        },
        {
          key: 'recognition',
          label: 'app.register.tabs.recognition',
          path: 'recognition',
          show: can('recognition'),
          content: (
            <>
              <ByNameInput
                source="orphanCourtId"
                reference="orphan-courts"
                validate={validateRequired}
              />
              <TextInput source="decisionNumber" validate={validateDecisionNumber} />
              <LvDateInput source="decisionDate" validate={validateDecisionDate} />
              <LvDateInput source="decisionValidUntil" validate={validateValidUntil} />
              <LvDateInput source="enteredOn" validate={validateEnteredOn} />
              <TextInput source="trainingCertificateNumber" validate={validateTrainingNumber} />
              <LvDateInput source="trainingCertificateDate" validate={validateTrainingDate} />
            </>
          ),
        },
        {
          key: 'background',
          label: 'app.register.tabs.background',
          path: 'background',
          show: can('background'),
          content: (
            <>
              <TextInput source="religion" validate={validateShort} />
              <TextInput source="ethnicity" validate={validateEthnicity} />
              <TextInput source="motivation" {...longText} />
            </>
          ),
        },
        {
          key: 'wishes',
          label: 'app.register.tabs.wishes',
          path: 'wishes',
          show: can('wishes'),
          content: <WishesInputs />,
        },
        {
          key: 'foreign',
          label: 'app.register.tabs.foreign',
          path: 'foreign',
          show: can('foreign') && origin === 'foreign',
          content: <ForeignInputs />,
        },
        {
          key: 'refusals',
          label: 'app.register.tabs.refusals',
          path: 'refusals',
          show: can('refusals'),
          content: <RefusalInputs />,
        },
      ]}
    />
  );
};
