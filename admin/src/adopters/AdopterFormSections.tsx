import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SimpleFormIterator,
  TextInput,
  type Validator,
} from 'react-admin';

import { ageRangeOrder, notBeforeField } from '../common/cardValidation';
import { notInFuture, requiredWhen } from '../common/personValidation';
import { longText, WIDE } from '../people/cardLayout';
import { wishedSexChoices } from '../choices';
import { NeedWishesInput } from './NeedWishes';
import { isForeign } from './transform';
import { LvDateInput } from '../common/LvDateInput';

// Inputs of the adopter's wishes, foreign and refusals tabs, mirroring backend/src/adopters/rules.ts.
const v = (...xs: unknown[]) => xs as Validator[];

const validateCount = v(required(), minValue(1), maxValue(10));
const validateAgeFrom = v(required(), minValue(0), maxValue(17));
const validateAgeTo = v(required(), minValue(0), maxValue(17), ageRangeOrder);
const validate100 = v(maxLength(100));
const validate200 = v(maxLength(200));
const validate2000 = v(maxLength(2000));
const validateCountry = v(requiredWhen(isForeign));
const validateAuthority = v(requiredWhen(isForeign), maxLength(300));
const validateReport = v(requiredWhen(isForeign), notInFuture());
const validateRefusedOn = v(required(), notInFuture(), notBeforeField('enteredOn'));
// Empty: the adopter gave no reason (an unreasoned refusal, which the refusal rule counts).
const validateReason = validate2000;

const childName = (c: { surname?: string; givenNames?: string; id: number }) =>
  c.surname ? `${c.surname} ${c.givenNames ?? ''}`.trim() : `#${c.id}`;
const searchChildren = (q: string) => (q ? { q } : {});

/** The child the adopters wish for: count, sex, age range, health, siblings, religion, language. */
export const WishesInputs = () => (
  <>
    <NumberInput
      source="wishedChildrenCount"
      defaultValue={1}
      validate={validateCount}
      min={1}
      max={10}
      sx={{ width: 200 }}
    />
    <RadioButtonGroupInput
      source="wishedSex"
      choices={wishedSexChoices}
      defaultValue="any"
      helperText={false}
    />
    <NumberInput
      source="wishedAgeFrom"
      defaultValue={0}
      validate={validateAgeFrom}
      min={0}
      max={17}
      sx={{ width: 200 }}
    />
    <NumberInput
      source="wishedAgeTo"
      defaultValue={17}
      validate={validateAgeTo}
      min={0}
      max={17}
      sx={{ width: 200 }}
    />
    <NeedWishesInput />
    <BooleanInput source="acceptsSiblings" defaultValue={false} />
    <TextInput source="wishedReligion" validate={validate200} />
    <TextInput source="wishedLanguage" validate={validate100} />
    <TextInput source="wishesNote" {...longText} validate={validate2000} />
  </>
);

/** A foreign adopter: the country, its competent authority or accredited body, the home study. */
export const ForeignInputs = () => (
  <>
    <ReferenceInput
      source="countryId"
      reference="countries"
      sort={{ field: 'nameLv', order: 'ASC' }}
    >
      <AutocompleteInput validate={validateCountry} sx={{ minWidth: 360 }} />
    </ReferenceInput>
    <TextInput source="foreignAuthority" validate={validateAuthority} fullWidth />
    <LvDateInput source="homeStudyReportDate" validate={validateReport} />
  </>
);

/** Children offered and refused: when, which child, why. */
export const RefusalInputs = () => (
  <ArrayInput source="refusals" label={false} className={WIDE}>
    <SimpleFormIterator inline disableReordering>
      <LvDateInput
        source="refusedOn"
        label="app.card.refusal.refusedOn"
        validate={validateRefusedOn}
      />
      <ReferenceInput
        source="childId"
        reference="children"
        sort={{ field: 'surname', order: 'ASC' }}
      >
        <AutocompleteInput
          label="app.card.refusal.childId"
          filterToQuery={searchChildren}
          optionText={childName}
          sx={{ minWidth: 280 }}
        />
      </ReferenceInput>
      <TextInput
        source="reason"
        label="app.card.refusal.reason"
        helperText="app.card.refusal.reason_help"
        multiline
        validate={validateReason}
        sx={{ minWidth: 360 }}
      />
    </SimpleFormIterator>
  </ArrayInput>
);
