import { email, maxLength, regex, required, type Validator } from 'react-admin';

// Limits follow the API's schemas; the API stays the judge (its 400 problem names the field).

const exactly =
  (pattern: RegExp, message: string, count: number): Validator =>
  (value: unknown) =>
    value === null || value === undefined || value === '' || pattern.test(String(value))
      ? undefined
      : { message, args: { count } };

/** Exactly `count` digits (ATVK code 7, registration number 11, ISO numeric 3). */
export const digits = (count: number): Validator =>
  exactly(new RegExp(`^\\d{${count}}$`), 'app.validation.digits', count);

/** Exactly `count` capital Latin letters (ISO 3166-1 alpha-2 / alpha-3). */
export const upperLetters = (count: number): Validator =>
  exactly(new RegExp(`^[A-Z]{${count}}$`), 'app.validation.upper_letters', count);

export const requiredText = (max: number): Validator[] => [required(), maxLength(max)];

export const optionalPhone: Validator[] = [regex(/^\+?[0-9 ()-]{5,25}$/, 'app.validation.phone')];

export const optionalEmail: Validator[] = [email(), maxLength(254)];

/** For code inputs: capital letters as the user types; an emptied field becomes null. */
export const parseUpperCase = (value: string | null | undefined) =>
  typeof value === 'string' && value !== '' ? value.toUpperCase() : null;
