import { Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  BooleanInput,
  maxLength,
  RadioButtonGroupInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
  type Validator,
} from 'react-admin';

import {
  adultGroup,
  consentFromTwelve,
  elderBornBefore,
  icd10,
  notBeforeChildBirth,
  notBeforeField,
  notWithConsent,
  oneOfEachParent,
  parseIcd10,
} from '../common/cardValidation';
import { notInFuture, requiredWhen, requiredWithAny } from '../common/personValidation';
import { requiredText } from '../common/validation';
import { longText, WIDE } from '../people/cardLayout';
import { ConsentHint } from './ChildAge';
import { consentChoices, disabilityGroupChoices, relativeKindChoices } from '../choices';
import { LvDateInput } from '../common/LvDateInput';

// Inputs of the card's heavier tabs (health, birth family, adoption), mirroring the API's rules
// (backend/src/children/rules.ts); its 400 answer still lands under the input it names, sub-list
// rows included (`relatives.1.birthDate`).
const v = (...xs: unknown[]) => xs as Validator[];
// (ProposeChange.tsx takes the long text input from here.)
export { longText };

const hasGroup = (values: Record<string, unknown>) => !!values.disabilityGroup;
const cleared = (values: Record<string, unknown>) => values.clearedAbroad === true;

const validateCondition = requiredText(300);
const validateIcd10 = v(icd10);
const validateSince = v(notInFuture(), notBeforeChildBirth);
const validateTreatment = v(maxLength(2000));
const validateGroup = v(adultGroup);
const validateDisabilityFrom = v(requiredWhen(hasGroup), notInFuture(), notBeforeChildBirth);
const validateDisabilityUntil = v(notBeforeField('disabilityFrom'));
const validateSource = v(maxLength(200));
const validateKind = v(required(), oneOfEachParent);
const validateRelativeName = requiredText(200);
const validateRelativeBorn = v(notInFuture(), elderBornBefore);
const validateResidence = v(maxLength(300));
const validateNote = v(maxLength(1000));
const validateConsent = v(requiredWithAny(['consentDate']));
const validateConsentDate = v(requiredWithAny(['consent']), notInFuture(), consentFromTwelve);
const validateNoWish = v(notWithConsent);
const validateAbroadNumber = v(requiredWhen(cleared), maxLength(50));
const validateAbroadDecision = v(
  requiredWhen(cleared),
  notInFuture(),
  notBeforeField('careDecisionDate'),
);
const validateCommission = v(
  requiredWhen(cleared),
  notInFuture(),
  notBeforeField('abroadCourtDecisionDate'),
);

// A consent not (yet) recorded is a choice of its own, so a wrong click can be undone.
const consentInputChoices = [{ id: '', name: 'app.card.consent_none' }, ...consentChoices];

const Subheading = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h3" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
      {translate(text)}
    </Typography>
  );
};

/** Health: the summary, the conditions with their ICD-10 codes, disability, pregnancy, treatment. */
export const HealthInputs = () => {
  const group = useWatch({ name: 'disabilityGroup' }) as unknown;
  return (
    <>
      <TextInput source="health" {...longText} />
      <Subheading text="resources.children.fields.healthConditions" />
      <ArrayInput source="healthConditions" label={false} className={WIDE}>
        <SimpleFormIterator inline disableReordering>
          <TextInput
            source="condition"
            label="app.card.condition.condition"
            validate={validateCondition}
            sx={{ minWidth: 280 }}
          />
          <TextInput
            source="icd10"
            label="app.card.condition.icd10"
            validate={validateIcd10}
            parse={parseIcd10}
            helperText="app.card.icd10_help"
            sx={{ width: 150 }}
          />
          <LvDateInput source="since" label="app.card.condition.since" validate={validateSince} />
          <TextInput
            source="treatment"
            label="app.card.condition.treatment"
            multiline
            validate={validateTreatment}
            sx={{ minWidth: 280 }}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <Subheading text="app.card.disability" />
      <SelectInput
        source="disabilityGroup"
        choices={disabilityGroupChoices}
        validate={validateGroup}
        emptyText="app.card.no_disability"
        helperText="app.card.disability_help"
      />
      {!!group && (
        <>
          <LvDateInput source="disabilityFrom" validate={validateDisabilityFrom} />
          <LvDateInput source="disabilityUntil" validate={validateDisabilityUntil} />
          <TextInput source="disabilitySource" validate={validateSource} fullWidth />
        </>
      )}
      <TextInput source="motherPregnancy" {...longText} />
      <TextInput source="furtherTreatment" {...longText} />
    </>
  );
};

/** The birth family: relatives as rows, then the social characterisation. */
export const BirthFamilyInputs = () => (
  <>
    <Subheading text="resources.children.fields.relatives" />
    <ArrayInput source="relatives" label={false} className={WIDE}>
      <SimpleFormIterator inline disableReordering>
        <SelectInput
          source="kind"
          label="app.card.relative.kind"
          choices={relativeKindChoices}
          validate={validateKind}
          sx={{ minWidth: 160 }}
        />
        <TextInput
          source="surname"
          label="app.card.relative.surname"
          validate={validateRelativeName}
        />
        <TextInput
          source="givenNames"
          label="app.card.relative.givenNames"
          validate={validateRelativeName}
        />
        <LvDateInput
          source="birthDate"
          label="app.card.relative.birthDate"
          validate={validateRelativeBorn}
        />
        <TextInput
          source="residence"
          label="app.card.relative.residence"
          validate={validateResidence}
        />
        <TextInput
          source="note"
          label="app.card.relative.note"
          multiline
          validate={validateNote}
          sx={{ minWidth: 240 }}
        />
      </SimpleFormIterator>
    </ArrayInput>
    <TextInput source="birthFamilyCharacterisation" {...longText} minRows={5} />
  </>
);

/** Adoption: the child's own view, consent from 12, not wishing, clearance for adoption abroad. */
export const AdoptionInputs = () => {
  const isCleared = useWatch({ name: 'clearedAbroad' }) === true;
  return (
    <>
      <TextInput source="childOpinion" {...longText} />
      <Subheading text="app.card.consent" />
      <ConsentHint />
      <RadioButtonGroupInput
        source="consent"
        choices={consentInputChoices}
        validate={validateConsent}
        helperText={false}
      />
      <LvDateInput source="consentDate" validate={validateConsentDate} />
      <BooleanInput source="doesNotWishAdoption" validate={validateNoWish} />
      <Subheading text="app.card.abroad" />
      <BooleanInput source="clearedAbroad" helperText="app.card.abroad_help" />
      {isCleared && (
        <>
          <TextInput source="abroadCourtDecisionNumber" validate={validateAbroadNumber} />
          <LvDateInput source="abroadCourtDecisionDate" validate={validateAbroadDecision} />
          <LvDateInput source="abroadCommissionOpinionDate" validate={validateCommission} />
        </>
      )}
    </>
  );
};
