import { childGroups } from '@adoption/model';
import {
  BooleanInput,
  FormDataConsumer,
  maxLength,
  required,
  SelectInput,
  TextInput,
  useRecordContext,
} from 'react-admin';

import { PersonalCodeInput } from '../common/PersonalCodeInput';
import { emptyWhen, notBefore, notInFuture, requiredWhen } from '../common/personValidation';
import { useFieldGroups } from '../common/useFieldGroups';
import { requiredText } from '../common/validation';
import { SiblingsBlock } from '../sibling-groups';
import { ChildAttachmentsTab } from './Attachments';
import { ByNameInput, longTextInput as longText, PersonForm, WIDE } from '../people';
import { AdoptionInputs, BirthFamilyInputs, HealthInputs } from './ChildFormSections';
import { careFormChoices, nationalityKindChoices, sexChoices } from '../choices';
import { inInstitution } from './transform';
import { LvDateInput } from '../common/LvDateInput';
import { RegisterEntryButton } from '../registers/RegisterEntry';

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
 * card also the sibling group, the photos and documents, and the history. A tab shows only when the
 * user's role reads its field group. Saving, the unsaved-changes question and the 409 merge as
 * PersonForm says.
 */
export const ChildForm = () => {
  const { can } = useFieldGroups('children', childGroups);
  const record = useRecordContext();
  const existing = record?.id !== undefined;
  return (
    <PersonForm
      resource="children"
      tabs={[
        {
          key: 'identity',
          label: 'app.register.tabs.child',
          show: can('identity'),
          content: (
            <>
              <TextInput source="surname" validate={validateName} autoFocus />
              <TextInput source="givenNames" validate={validateName} />
              <SelectInput source="sex" choices={sexChoices} validate={validateRequired} />
              <LvDateInput source="birthDate" validate={validateBirthDate} />
              <PersonalCodeInput source="personalCode" birthDateSource="birthDate" />
              {/* A new card only: a saved one is compared through "Pārbaudīt reģistros". */}
              {!existing && <RegisterEntryButton resource="children" />}
              <SelectInput
                source="nationalityKind"
                choices={nationalityKindChoices}
                validate={validateRequired}
              />
              {/* Not stored: lets a card through when the API warns of a likely duplicate. */}
              <BooleanInput source="confirmLikelyDuplicate" defaultValue={false} className={WIDE} />
            </>
          ),
        },
        {
          key: 'placement',
          label: 'app.register.tabs.placement',
          path: 'placement',
          show: can('placement'),
          content: (
            <>
              <LvDateInput source="recordSheetReceivedOn" validate={validateReceivedOn} />
              <SelectInput
                source="careForm"
                choices={careFormChoices}
                validate={validateRequired}
              />
              <ByNameInput
                source="careOrphanCourtId"
                reference="orphan-courts"
                validate={validateRequired}
              />
              <TextInput source="careDecisionNumber" validate={validateDecisionNumber} />
              <LvDateInput source="careDecisionDate" validate={validateDecisionDate} />
              <FormDataConsumer>
                {({ formData }) =>
                  inInstitution(formData) && (
                    <ByNameInput
                      source="careProviderId"
                      reference="care-providers"
                      validate={validateProvider}
                    />
                  )
                }
              </FormDataConsumer>
              <BooleanInput source="legallyFree" helperText="app.card.legally_free_help" />
              <TextInput source="legalStatusNote" {...longText} validate={validateLegalNote} />
            </>
          ),
        },
        {
          key: 'health',
          label: 'app.register.tabs.health',
          path: 'health',
          show: can('health'),
          content: <HealthInputs />,
        },
        {
          key: 'development',
          label: 'app.register.tabs.development',
          path: 'development',
          show: can('development'),
          content: (
            <>
              <TextInput source="personality" {...longText} />
              <TextInput source="development" {...longText} />
              <TextInput source="relativesContact" {...longText} />
            </>
          ),
        },
        {
          key: 'birthFamily',
          label: 'app.register.tabs.birth_family',
          path: 'birth-family',
          show: can('birthFamily'),
          content: <BirthFamilyInputs />,
        },
        {
          key: 'religion',
          label: 'app.register.tabs.religion',
          path: 'religion',
          show: can('religion'),
          content: <TextInput source="religion" validate={validateReligion} />,
        },
        {
          key: 'adoption',
          label: 'app.register.tabs.adoption',
          path: 'adoption',
          show: can('adoption'),
          content: <AdoptionInputs />,
        },
        {
          key: 'siblings',
          label: 'app.register.tabs.siblings',
          path: 'siblings',
          show: existing && can('placement'),
          content: <SiblingsBlock label={false} withEmpty />,
        },
        {
          key: 'attachments',
          label: 'app.attachments.tab',
          path: 'attachments',
          show: existing,
          content: <ChildAttachmentsTab label={false} />,
        },
      ]}
    />
  );
};
