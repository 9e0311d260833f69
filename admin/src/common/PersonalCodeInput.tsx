import { personalCodeText } from '@adoption/model';
import { TextInput, type Validator } from 'react-admin';

import { validPersonalCode } from './personValidation';

export interface PersonalCodeInputProps {
  source: string;
  /** The birth date an old-format code must encode. */
  birthDateSource: string;
  validate?: Validator[];
}

// An emptied input is no code at all (null), as the API stores it.
const parse = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * A personal code, typed with or without the hyphen and shown as DDMMYY-NNNNN; checked for its
 * check digit and birth date before saving (the API checks it again and stores 11 digits).
 */
export const PersonalCodeInput = ({
  source,
  birthDateSource,
  validate = [],
}: PersonalCodeInputProps) => (
  <TextInput
    source={source}
    format={personalCodeText}
    parse={parse}
    validate={[...validate, validPersonalCode(birthDateSource) as Validator]}
    helperText="app.register.personal_code_help"
    slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 13 } }}
  />
);
