import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  maxLength,
  ReferenceInput,
  SimpleForm,
  TextInput,
} from 'react-admin';

import { notInFuture, requiredWhen } from '../common/personValidation';
import { LvDateInput } from '../common/LvDateInput';

// The API's rule (backend/src/sibling-groups/schema.ts): the orphan court's decision is given in
// full when the children may be separated, and not at all otherwise (the form clears it).
const separated = (values: Record<string, unknown>) => Boolean(values.mayBeSeparated);
const validateCourt = [requiredWhen(separated)];
const validateNumber = [requiredWhen(separated), maxLength(50)];
const validateDate = [requiredWhen(separated), notInFuture()];
const validateNote = [maxLength(2000)];

/** The group's own data; the members are edited apart (MembersEditor). */
export const SiblingGroupForm = () => (
  <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 800 }}>
    <BooleanInput source="mayBeSeparated" defaultValue={false} />
    <FormDataConsumer>
      {({ formData }) =>
        separated(formData) && (
          <>
            <ReferenceInput
              source="separationOrphanCourtId"
              reference="orphan-courts"
              sort={{ field: 'name', order: 'ASC' }}
              perPage={50}
            >
              <AutocompleteInput validate={validateCourt} />
            </ReferenceInput>
            <TextInput source="separationDecisionNumber" validate={validateNumber} />
            <LvDateInput source="separationDecisionDate" validate={validateDate} />
          </>
        )
      }
    </FormDataConsumer>
    <TextInput source="note" multiline minRows={3} validate={validateNote} />
  </SimpleForm>
);
