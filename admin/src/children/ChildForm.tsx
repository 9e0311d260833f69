import {
  AutocompleteInput,
  DateInput,
  FormDataConsumer,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  TabbedForm,
  BooleanInput,
  TextInput,
} from 'react-admin';

import { childGroups } from '../common/fieldGroups';
import { PersonalCodeInput } from '../common/PersonalCodeInput';
import { emptyWhen, notBefore, notInFuture, requiredWhen } from '../common/personValidation';
import { useFieldGroups } from '../common/useFieldGroups';
import { requiredText } from '../common/validation';
import { careFormChoices, nationalityKindChoices, sexChoices } from './choices';

// The API's rules (backend/src/children/schema.ts), checked here first; its 400 answer still lands
// under the input it names.
const inInstitution = (values: Record<string, unknown>) => values.careForm === 'care_institution';
const afterBirth = ['birthDate', 'app.register.validation.before_birth'] as const;
const afterDecision = ['careDecisionDate', 'app.register.validation.before_care_decision'] as const;

const validateName = requiredText(200);
const validateRequired = required();
const validateBirthDate = [required(), notInFuture()];
const validateDecisionDate = [required(), notInFuture(), notBefore([afterBirth])];
const validateReceivedOn = [required(), notInFuture(), notBefore([afterBirth, afterDecision])];
const validateDecisionNumber = requiredText(50);
const validateProvider = [requiredWhen(inInstitution), emptyWhen((v) => !inInstitution(v))];
const validateReligion = [maxLength(200)];
const validateLongText = [maxLength(10000)];

/** Only a child in institution care has a care provider; the API refuses one otherwise. */
export const clearProvider = (data: Record<string, unknown>) => ({
  ...data,
  careProviderId: inInstitution(data) ? (data.careProviderId ?? null) : null,
});

const longText = { multiline: true, minRows: 3, validate: validateLongText } as const;

/** The child's card in the tabs of the record sheet; the status is moved by its own actions. */
export const ChildForm = () => {
  const { can } = useFieldGroups('children', childGroups);
  const healthTab = can('religion')
    ? 'app.register.tabs.religion_health'
    : 'app.register.tabs.health';
  return (
    <TabbedForm warnWhenUnsavedChanges sx={{ maxWidth: 800 }}>
      {can('identity') && (
        <TabbedForm.Tab label="app.register.tabs.child">
          <TextInput source="surname" validate={validateName} autoFocus />
          <TextInput source="givenNames" validate={validateName} />
          <SelectInput source="sex" choices={sexChoices} validate={validateRequired} />
          <DateInput source="birthDate" validate={validateBirthDate} />
          <PersonalCodeInput source="personalCode" birthDateSource="birthDate" />
          <SelectInput
            source="nationalityKind"
            choices={nationalityKindChoices}
            validate={validateRequired}
          />
          {/* Not stored: lets a card through when the API warns of a likely duplicate. */}
          <BooleanInput source="confirmLikelyDuplicate" defaultValue={false} />
        </TabbedForm.Tab>
      )}
      {can('placement') && (
        <TabbedForm.Tab label="app.register.tabs.placement" path="placement">
          <DateInput source="recordSheetReceivedOn" validate={validateReceivedOn} />
          <SelectInput source="careForm" choices={careFormChoices} validate={validateRequired} />
          <ReferenceInput
            source="careOrphanCourtId"
            reference="orphan-courts"
            sort={{ field: 'name', order: 'ASC' }}
            perPage={50}
          >
            <AutocompleteInput validate={validateRequired} />
          </ReferenceInput>
          <TextInput source="careDecisionNumber" validate={validateDecisionNumber} />
          <DateInput source="careDecisionDate" validate={validateDecisionDate} />
          <FormDataConsumer>
            {({ formData }) =>
              inInstitution(formData) && (
                <ReferenceInput
                  source="careProviderId"
                  reference="care-providers"
                  sort={{ field: 'name', order: 'ASC' }}
                  perPage={50}
                >
                  <AutocompleteInput validate={validateProvider} />
                </ReferenceInput>
              )
            }
          </FormDataConsumer>
        </TabbedForm.Tab>
      )}
      {(can('religion') || can('health')) && (
        <TabbedForm.Tab label={healthTab} path="health">
          {can('religion') && <TextInput source="religion" validate={validateReligion} />}
          {can('health') && <TextInput source="health" {...longText} />}
          {can('health') && <TextInput source="furtherTreatment" {...longText} />}
        </TabbedForm.Tab>
      )}
      {can('birthFamily') && (
        <TabbedForm.Tab label="app.register.tabs.birth_family" path="birth-family">
          <TextInput source="birthFamilyCharacterisation" {...longText} minRows={5} />
        </TabbedForm.Tab>
      )}
    </TabbedForm>
  );
};
