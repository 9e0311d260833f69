import { childGroups } from '@adoption/model';
import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
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
import { FieldHistory } from '../common/FieldHistory';
import { PersonalCodeInput } from '../common/PersonalCodeInput';
import { emptyWhen, notBefore, notInFuture, requiredWhen } from '../common/personValidation';
import { useFieldGroups } from '../common/useFieldGroups';
import { requiredText } from '../common/validation';
import { SiblingsBlock } from '../sibling-groups';
import { ChildAttachmentsTab } from './Attachments';
import { AdoptionInputs, BirthFamilyInputs, HealthInputs, longText } from './ChildFormSections';
import { careFormChoices, nationalityKindChoices, sexChoices } from '../choices';
import { inInstitution } from './transform';
import { LvDateInput } from '../common/LvDateInput';

// The API's rules (backend/src/children/schema.ts, rules.ts), checked here first; its 400 answer
// still lands under the input it names (and marks the tab).
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
const validateLegalNote = [maxLength(1000)];

/**
 * The child's card in the tabs of the record sheet (uzskaites lapa): identity; placement and legal
 * status; health; development and personality; the birth family; religion; adoption; on an existing
 * card also the sibling group and the history. A tab shows only when the user's role reads its
 * field group. Ctrl+S saves; leaving with unsaved changes asks first; a 409 opens the merge dialog.
 */
export const ChildForm = () => {
  const { can } = useFieldGroups('children', childGroups);
  const record = useRecordContext();
  const existing = record?.id !== undefined;
  return (
    <TabbedForm warnWhenUnsavedChanges toolbar={<CardToolbar />} sx={cardFormSx}>
      {can('identity') && (
        <TabbedForm.Tab label="app.register.tabs.child">
          <TextInput source="surname" validate={validateName} autoFocus />
          <TextInput source="givenNames" validate={validateName} />
          <SelectInput source="sex" choices={sexChoices} validate={validateRequired} />
          <LvDateInput source="birthDate" validate={validateBirthDate} />
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
          <LvDateInput source="recordSheetReceivedOn" validate={validateReceivedOn} />
          <SelectInput source="careForm" choices={careFormChoices} validate={validateRequired} />
          <ReferenceInput
            source="careOrphanCourtId"
            reference="orphan-courts"
            sort={{ field: 'name', order: 'ASC' }}
            perPage={50}
          >
            <AutocompleteInput validate={validateRequired} sx={{ minWidth: 360 }} />
          </ReferenceInput>
          <TextInput source="careDecisionNumber" validate={validateDecisionNumber} />
          <LvDateInput source="careDecisionDate" validate={validateDecisionDate} />
          <FormDataConsumer>
            {({ formData }) =>
              inInstitution(formData) && (
                <ReferenceInput
                  source="careProviderId"
                  reference="care-providers"
                  sort={{ field: 'name', order: 'ASC' }}
                  perPage={50}
                >
                  <AutocompleteInput validate={validateProvider} sx={{ minWidth: 360 }} />
                </ReferenceInput>
              )
            }
          </FormDataConsumer>
          <BooleanInput source="legallyFree" helperText="app.card.legally_free_help" />
          <TextInput source="legalStatusNote" {...longText} validate={validateLegalNote} />
        </TabbedForm.Tab>
      )}
      {can('health') && (
        <TabbedForm.Tab label="app.register.tabs.health" path="health">
          <HealthInputs />
        </TabbedForm.Tab>
      )}
      {can('development') && (
        <TabbedForm.Tab label="app.register.tabs.development" path="development">
          <TextInput source="personality" {...longText} />
          <TextInput source="development" {...longText} />
          <TextInput source="relativesContact" {...longText} />
        </TabbedForm.Tab>
      )}
      {can('birthFamily') && (
        <TabbedForm.Tab label="app.register.tabs.birth_family" path="birth-family">
          <BirthFamilyInputs />
        </TabbedForm.Tab>
      )}
      {can('religion') && (
        <TabbedForm.Tab label="app.register.tabs.religion" path="religion">
          <TextInput source="religion" validate={validateReligion} fullWidth />
        </TabbedForm.Tab>
      )}
      {can('adoption') && (
        <TabbedForm.Tab label="app.register.tabs.adoption" path="adoption">
          <AdoptionInputs />
        </TabbedForm.Tab>
      )}
      {existing && can('placement') && (
        <TabbedForm.Tab label="app.register.tabs.siblings" path="siblings">
          <SiblingsBlock label={false} withEmpty />
        </TabbedForm.Tab>
      )}
      {existing && (
        <TabbedForm.Tab label="app.attachments.tab" path="attachments">
          <ChildAttachmentsTab label={false} />
        </TabbedForm.Tab>
      )}
      {existing && (
        <TabbedForm.Tab label="app.register.tabs.history" path="history">
          <FieldHistory resource="children" />
        </TabbedForm.Tab>
      )}
    </TabbedForm>
  );
};
