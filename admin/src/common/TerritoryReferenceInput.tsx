import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

export interface TerritoryReferenceInputProps {
  /** Kept on the element so react-admin's filter form can read it. */
  source?: string;
  validate?: Validator | Validator[];
  alwaysOn?: boolean;
}

/** Pick a territory by typing part of its name (the territories list is searched with `q`). */
export const TerritoryReferenceInput = ({
  source = 'territoryId',
  validate,
}: TerritoryReferenceInputProps) => (
  <ReferenceInput
    source={source}
    reference="territories"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={50}
  >
    <AutocompleteInput optionText="name" validate={validate} />
  </ReferenceInput>
);
