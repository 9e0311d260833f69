import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  maxLength,
  ReferenceInput,
  TextInput,
} from 'react-admin';

import { notInFuture, requiredWhen } from '../common/personValidation';
import { LvDateInput } from '../common/LvDateInput';

// The API's rule (backend/src/sibling-groups/schema.ts): the orphan court's decision is given in
// full when the children may be separated, and not at all otherwise (clearSeparation clears it).
const separated = (values: Record<string, unknown>) => Boolean(values.mayBeSeparated);
const validateCourt = [requiredWhen(separated)];
const validateNumber = [requiredWhen(separated), maxLength(50)];
const validateDate = [requiredWhen(separated), notInFuture()];

/**
 * Whether the children may be adopted separately, with the orphan court's decision: in the
 * specialist's group form and on the orphan court's proposal of a change.
 */
export const SeparationInputs = () => (
  <>
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
              <AutocompleteInput validate={validateCourt} sx={{ minWidth: 360 }} />
            </ReferenceInput>
            <TextInput source="separationDecisionNumber" validate={validateNumber} />
            <LvDateInput source="separationDecisionDate" validate={validateDate} />
          </>
        )
      }
    </FormDataConsumer>
  </>
);
