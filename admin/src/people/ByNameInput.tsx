import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

/**
 * A reference picked by typing part of its name (orphan courts, care providers): the first 50 by
 * name, narrowed as the user types.
 */
export const ByNameInput = ({
  source,
  reference,
  validate,
}: {
  source: string;
  reference: 'orphan-courts' | 'care-providers';
  validate?: Validator | Validator[];
}) => (
  <ReferenceInput
    source={source}
    reference={reference}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={50}
  >
    <AutocompleteInput validate={validate} />
  </ReferenceInput>
);
