/** One entry of a 400 problem's `errors` (backend/src/http/problem.ts). */
export interface ApiFieldError {
  path: string;
  code: string;
  message: string;
}

/**
 * Reasons the console says in the user's language (`app.validation.server.<code>`); any other
 * reason shows the API's own (English) message.
 */
export const translatedErrorCodes = [
  'required',
  'not_allowed',
  'date_in_future',
  'date_order',
  'same_person',
  'unique',
  'too_small',
  'too_big',
  'personal_code_format',
  'personal_code_checksum',
  'personal_code_date',
  'personal_code_century',
  'personal_code_birth_date_mismatch',
] as const;

const translated = new Set<string>(translatedErrorCodes);

const isFieldError = (e: unknown): e is ApiFieldError =>
  !!e &&
  typeof e === 'object' &&
  typeof (e as ApiFieldError).path === 'string' &&
  typeof (e as ApiFieldError).code === 'string';

/**
 * The API's field errors (`[{path: 'body.surname', code, message}]`) as react-admin expects them in
 * `HttpError.body.errors` (`{surname: message}`), so a saving form puts each under its input. Only
 * errors about the request body count; undefined when there is none (the notification then shows
 * the problem's text). A 409 naming a `field` (a value that must be unique, such as a personal
 * code already in the register) goes under that field as `unique`.
 */
export function formErrors(body: unknown): Record<string, string> | undefined {
  const { errors, field, code } = (body ?? {}) as {
    errors?: unknown;
    field?: unknown;
    code?: unknown;
  };
  // A likely duplicate is not wrong input: the confirmation box says what to do.
  if (code === 'likely_duplicate') {
    return { confirmLikelyDuplicate: 'app.validation.server.likely_duplicate' };
  }
  // (`value`: the API could not tell which field; left to the notification.)
  if (typeof field === 'string' && field !== 'value' && /^[A-Za-z]\w*$/.test(field))
    return { [field]: 'app.validation.server.unique' };
  if (!Array.isArray(errors)) return undefined;
  const out: Record<string, string> = {};
  for (const error of errors) {
    // A field the form does not have (`unknown_field`) is no input's fault: left to the notification.
    if (!isFieldError(error) || !error.path.startsWith('body.') || error.code === 'unknown_field')
      continue;
    const field = error.path.slice('body.'.length);
    if (!field || field in out) continue;
    out[field] = translated.has(error.code)
      ? `app.validation.server.${error.code}`
      : error.message || error.code;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
