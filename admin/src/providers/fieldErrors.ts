/** One entry of a 400 problem's `errors` (backend/src/http/problem.ts). */
export interface ApiFieldError {
  path: string;
  code: string;
  message: string;
  /** The values the message names (`{date, age, field}`), when the API gives them. */
  params?: Record<string, string | number>;
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
  'consent_under_12',
  'contradicts_consent',
  'disability_group_adult',
  'duplicate_parent',
  'adopter_too_young',
  'age_gap',
  'range_order',
  'not_found',
  'out_of_scope',
  'unchanged',
  'not_responsible',
] as const;

const translated = new Set<string>(translatedErrorCodes);

/** react-admin's form of a message with arguments (ra-core ValidationError reads it). */
const RA_MESSAGE_PREFIX = '@@react-admin@@';

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** The date an API message names (`… (2026-05-14)`), in Latvian form. */
const dateIn = (message: string): string | undefined => {
  const m = ISO_DATE.exec(message);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : undefined;
};
const numberIn = (pattern: RegExp, message: string): number | undefined => {
  const m = pattern.exec(message);
  return m ? Number(m[1]) : undefined;
};

const message = (code: string, args?: Record<string, unknown>): string => {
  const key = `app.validation.server.${code}`;
  return args ? `${RA_MESSAGE_PREFIX}${JSON.stringify({ message: key, args })}` : key;
};

const ISO_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * One API field error in the user's language. The API names the facts a precise message needs
 * (the 12th birthday, the decision date, the oldest age the rule leaves open) in `params`; an
 * older answer without them still carries them in its English message. A code the console does
 * not know keeps the API's message.
 */
export function fieldMessage(field: string, error: ApiFieldError): string {
  const text = error.message ?? '';
  const paramDate =
    typeof error.params?.date === 'string' ? ISO_ONLY.exec(error.params.date) : null;
  const date = paramDate ? `${paramDate[3]}.${paramDate[2]}.${paramDate[1]}` : dateIn(text);
  const paramAge = typeof error.params?.age === 'number' ? error.params.age : undefined;
  switch (error.code) {
    case 'consent_under_12':
    case 'adopter_too_young':
      return date ? message(error.code, { date }) : message(`${error.code}_general`);
    case 'age_gap': {
      const age = paramAge ?? numberIn(/at most (\d+)/, text);
      return age !== undefined ? message('age_gap', { age }) : message('age_gap_general');
    }
    case 'range_order': {
      const from = paramAge ?? numberIn(/\((\d+)\)/, text);
      return from !== undefined ? message('range_order', { from }) : message('range_order_general');
    }
    case 'date_order':
      if (/^relatives\.\d+\.birthDate$/.test(field) && date)
        return message('relative_birth_order', { date });
      return date ? message('date_order_date', { date }) : message('date_order');
    case 'invalid_format':
      if (/\.icd10$/.test(field)) return message('icd10');
      break;
  }
  return translated.has(error.code) ? message(error.code) : text || error.code;
}

const isFieldError = (e: unknown): e is ApiFieldError =>
  !!e &&
  typeof e === 'object' &&
  typeof (e as ApiFieldError).path === 'string' &&
  typeof (e as ApiFieldError).code === 'string';

/**
 * The API's field errors (`[{path: 'body.surname', code, message}]`) as react-admin expects them in
 * `HttpError.body.errors` (`{surname: message}`), so a saving form puts each under its input; a
 * sub-list row's field keeps its dotted path (`relatives.1.birthDate`), which react-hook-form's
 * `setError` reads as that row's input. Only
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
    out[field] = fieldMessage(field, error);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A form error message as a translation key and its arguments (for inputs outside a form). */
export function splitFieldMessage(text: string): {
  message: string;
  args: Record<string, unknown>;
} {
  if (!text.startsWith(RA_MESSAGE_PREFIX)) return { message: text, args: {} };
  try {
    const parsed = JSON.parse(text.slice(RA_MESSAGE_PREFIX.length)) as {
      message?: unknown;
      args?: unknown;
    };
    if (typeof parsed.message === 'string')
      return {
        message: parsed.message,
        args:
          parsed.args && typeof parsed.args === 'object'
            ? (parsed.args as Record<string, unknown>)
            : {},
      };
  } catch {
    // not ours: shown as it came
  }
  return { message: text, args: {} };
}
