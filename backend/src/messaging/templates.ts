// The register's e-mails, rendered with mustache from files in backend/templates/mail
// (docs/messaging.md). Every letter has a zod schema for its data: the outbox stores data as JSON,
// so the mail worker validates it here before anything is sent, and whatever renderMail refuses
// will never render (MailTemplateError is a permanent failure, not worth a retry).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Mustache from 'mustache';
import { deadlineKinds, isIsoDate, type MailTemplateName } from '@adoption/model';
import { z, type ZodType } from 'zod';
import { formatLetterDate } from '../latvian/dates';

export type MailLanguage = 'lv' | 'en';
export const mailLanguages: readonly MailLanguage[] = ['lv', 'en'];

/** From backend/src/messaging (ts-jest) and backend/dist/messaging (built) alike. */
export const MAIL_TEMPLATE_DIR = path.join(__dirname, '../../templates/mail');

export class MailTemplateError extends Error {
  override readonly name = 'MailTemplateError';
  /** The mail worker must not retry: the same input will fail the same way. */
  readonly permanent = true;
  constructor(
    message: string,
    /** The offending field (`template`, `language`, `data.link` …) when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

// Line breaks and other control characters would let data forge extra lines or headers in the
// plain-text part and the subject; bidi overrides could make a link read as something else.
const SAFE_LINE = /^[^\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]*$/u;
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(SAFE_LINE, 'must be a single line without control characters');

// Shared instances: renderMail recognises these fields by identity and formats them per language.
const letterDate = z.string().refine(isIsoDate, 'must be a YYYY-MM-DD calendar date');
const hourCount = z
  .number()
  .int('must be a whole number of hours')
  .min(1, 'must be at least 1')
  .max(720, 'must be at most 720');

const link = z
  .url({ protocol: /^https?$/, error: 'must be an http or https address' })
  .max(2000, 'must be at most 2000 characters');
const username = z.string().regex(/^[a-z0-9._-]{3,64}$/, 'must be a user name (a-z, 0-9, . _ -)');
// Code-like only (no spaces, ASCII): a case reference cannot carry a child's name into a mail.
const caseReference = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$/, 'must be a case reference such as ADP-2026-0142');
const phone = z
  .string()
  .regex(/^\+?[0-9 ()-]{5,25}$/, 'must be a phone number such as +371 67 123 456');
const email = z.email('must be an e-mail address').max(254, 'must be at most 254 characters');

const requestNumber = z.number().int().positive();
// Shown as the kind's name in the letter's language (renderMail recognises the instance).
const deadlineKind = z.enum(deadlineKinds);
export const DEADLINE_KIND_NAMES: Record<
  MailLanguage,
  Record<(typeof deadlineKinds)[number], string>
> = {
  lv: {
    answer: 'adoptētāja atbilde par bērnu',
    pre_adoption_care: 'pirmsadopcijas aprūpes beigas',
    court_claim: 'prasības iesniegšana tiesā',
    permit_issue: 'atļaujas adopcijai uz ārvalstīm izsniegšana',
    permit_validity: 'atļaujas adopcijai uz ārvalstīm derīgums',
    post_adoption_report: 'pēcadopcijas ziņojums',
  },
  en: {
    answer: 'the adopter’s answer about a child',
    pre_adoption_care: 'end of pre-adoption care',
    court_claim: 'filing the court claim',
    permit_issue: 'issuing the permit for adoption abroad',
    permit_validity: 'validity of the permit for adoption abroad',
    post_adoption_report: 'post-adoption report',
  },
};
/** Several lines a person wrote (a campaign's letter); no other control characters. */
const paragraphs = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(
      (s) => s.split('\n').every((l) => SAFE_LINE.test(l)),
      'must be lines of text without control characters',
    );
const fieldCount = z.number().int().min(1).max(100);

const passwordLink = z.strictObject({
  displayName: line(200),
  username,
  link,
  validHours: hourCount,
});

/**
 * Template id → schema of its data. Schemas are strict: an unknown field is refused rather than
 * dropped, so a caller that tries to pass more (a child's name, say) fails loudly in tests.
 */
export const mailTemplates = {
  'set-password': passwordLink,
  'reset-password': passwordLink,
  'account-locked': z.strictObject({ displayName: line(200), username, resetUrl: link }),
  // To an adopter. Only the case reference identifies the child: no name, birth date or health.
  'child-information-ready': z.strictObject({
    recipientName: line(200),
    caseReference,
    contactPhone: phone,
    contactEmail: email,
    answerBy: letterDate,
  }),
  'offer-deadline-approaching': z.strictObject({
    recipientName: line(200),
    caseReference,
    deadline: letterDate,
  }),
  'report-due': z.strictObject({
    institutionName: line(300),
    reportPeriod: line(100),
    dueDate: letterDate,
  }),
  // To the proposer of a change request. Only the request's number identifies the case: no child's
  // name or values; the specialist's comment is the one free text (the console asks to keep
  // personal data out of it).
  'change-request-accepted': z.strictObject({
    displayName: line(200),
    requestNumber,
    acceptedCount: fieldCount,
    proposedCount: fieldCount,
    comment: line(2000).nullable(),
    link,
  }),
  'change-request-returned': z.strictObject({
    displayName: line(200),
    requestNumber,
    comment: line(2000),
    link,
  }),
  // To the register's mailbox (REGISTER_MAILBOX): a deadline of a case is near or has passed.
  // Only the kind, the date and the case reference: no child's or adopter's personal data.
  'deadline-reminder': z.strictObject({
    deadlineKind,
    dueDate: letterDate,
    caseReference,
    overdue: z.boolean(),
  }),
  // To a foreign adoption's adopters: a post-adoption report is due. Only the case reference.
  'post-adoption-report-due': z.strictObject({
    recipientName: line(200),
    caseReference,
    dueDate: letterDate,
  }),
  // "Notify adopters" (campaigns/): a specialist's letter to waiting adopters, with their name.
  // The console asks to keep children's personal data out of it.
  'adopter-notice': z.strictObject({
    recipientName: line(200),
    noticeSubject: line(200),
    noticeBody: paragraphs(10000),
  }),
  // The nightly reconciliation's summary (registers/reconcile.ts) to a specialist or head of
  // department: counts of the work queue and a link to it. No person is named.
  'register-differences-summary': z.strictObject({
    recipientName: line(200),
    runDate: letterDate,
    newCount: z.number().int().min(0).max(10_000_000),
    openCount: z.number().int().min(0).max(10_000_000),
    assignedCount: z.number().int().min(0).max(10_000_000),
    link,
  }),
  // The deployment's smoke test (jenkins/smoke.mjs through cli/test-mail.ts): proves the mail
  // path of an environment works. No person is named; the reference finds it in the mail sink.
  'smoke-test': z.strictObject({
    displayName: line(200),
    environment: z.enum(['dev', 'test', 'prod']),
    version: line(100),
    reference: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1–64 of A-Z, a-z, 0-9, . _ : -'),
  }),
  // Exactly the model's template names, which the console's outgoing-mail filter offers.
} as const satisfies Record<MailTemplateName, ZodType>;

export type MailTemplate = keyof typeof mailTemplates;
export const mailTemplateIds = Object.keys(mailTemplates) as MailTemplate[];
export type MailData<T extends MailTemplate> = z.input<(typeof mailTemplates)[T]>;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Values the layout and every letter may use besides the letter's own data. */
const LAYOUT_TEXT: Record<MailLanguage, { ministry: string; register: string; footer: string }> = {
  lv: {
    ministry: 'Labklājības ministrija',
    register: 'Adopcijas reģistrs',
    footer: 'Šī vēstule ir nosūtīta automātiski. Lūdzu, neatbildiet uz to.',
  },
  en: {
    ministry: 'Ministry of Welfare of the Republic of Latvia',
    register: 'Adoption Register',
    footer: 'This message was sent automatically. Please do not reply to it.',
  },
};
const CONTENT_PARTIAL = 'content';

function hoursPhrase(hours: number, language: MailLanguage): string {
  if (language === 'en') return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  // Accusative of duration: 1, 21, 31 … stundu; otherwise (11 included) stundas.
  return `${hours} ${hours % 10 === 1 && hours % 100 !== 11 ? 'stundu' : 'stundas'}`;
}

/**
 * Names a mustache template uses that `available` does not supply; mustache itself would render
 * them as empty text. Section contents are checked against the same names (the data is flat),
 * except `{{.}}`; partials must be in `partials`, and are reported as `>name`.
 */
export function unresolvedNames(
  template: string,
  available: Iterable<string>,
  partials: Iterable<string> = [],
): string[] {
  const names = new Set(available);
  const partialNames = new Set(partials);
  const missing = new Set<string>();
  const walk = (tokens: Mustache.TemplateSpans, inSection: boolean) => {
    for (const token of tokens) {
      const [type, name] = token;
      if (type === 'name' || type === '&' || type === '#' || type === '^') {
        if (!(inSection && name === '.') && !names.has(name)) missing.add(name);
        if (Array.isArray(token[4])) walk(token[4], true);
      } else if (type === '>' && !partialNames.has(name)) {
        missing.add(`>${name}`);
      }
    }
  };
  walk(Mustache.parse(template), false);
  return [...missing];
}

interface LoadedLetter {
  subject: string;
  text: string;
  html: string;
}

const cache = new Map<string, string>();

function readTemplateFile(file: string): string {
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  let content: string;
  try {
    // Once per file and process: the worker renders from memory after the first letter.
    content = readFileSync(path.join(MAIL_TEMPLATE_DIR, file), 'utf8');
  } catch (err) {
    throw new MailTemplateError(`mail template file ${file} cannot be read: ${String(err)}`);
  }
  cache.set(file, content);
  return content;
}

/** Forgets the loaded files, so an edited template is read again (tests, the console preview). */
export function clearMailTemplateCache(): void {
  cache.clear();
}

function loadLetter(template: MailTemplate, language: MailLanguage): LoadedLetter {
  const file = `${template}.${language}.txt.mustache`;
  const source = readTemplateFile(file).replace(/\r\n/g, '\n');
  const match = /^Subject: *(.+)\n\n([\s\S]+)$/.exec(source);
  if (match === null) {
    throw new MailTemplateError(`${file} must start with "Subject: …" and a blank line`);
  }
  return {
    subject: match[1]!,
    text: match[2]!,
    html: readTemplateFile(`${template}.${language}.html.mustache`),
  };
}

function assertResolved(
  file: string,
  template: string,
  available: string[],
  partials: string[] = [],
) {
  const missing = unresolvedNames(template, available, partials);
  if (missing.length > 0) {
    throw new MailTemplateError(`${file} uses ${missing.join(', ')}, which the data does not have`);
  }
}

function valueAt(data: unknown, keys: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssue(data: unknown, issue: z.core.$ZodIssue): { field: string; message: string } {
  if (issue.code === 'unrecognized_keys') {
    const field = ['data', ...issue.path, issue.keys[0]].map(String).join('.');
    return { field, message: `${issue.keys.map((k) => `data.${k}`).join(', ')} not allowed` };
  }
  const field = ['data', ...issue.path].map(String).join('.');
  if (issue.path.length === 0) return { field, message: 'data must be an object of named values' };
  // zod v4 leaves the input out of its issues, so "absent" is looked up in the data itself.
  const message =
    issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined
      ? `${field} is required`
      : `${field} ${issue.message}`;
  return { field, message };
}

const plain = { escape: (value: unknown) => String(value) };

/**
 * Renders one letter. Throws MailTemplateError naming the field when the template id, the
 * language or the data is wrong, or when a template file uses a name the data does not supply.
 */
export function renderMail(template: string, language: string, data: unknown): RenderedMail {
  if (!Object.hasOwn(mailTemplates, template)) {
    throw new MailTemplateError(
      `template: unknown mail template "${template}" (known: ${mailTemplateIds.join(', ')})`,
      'template',
    );
  }
  const id = template as MailTemplate;
  if (!mailLanguages.includes(language as MailLanguage)) {
    throw new MailTemplateError(
      `language: no "${language}" letters (available: ${mailLanguages.join(', ')})`,
      'language',
    );
  }
  const lang = language as MailLanguage;
  const schema = mailTemplates[id];
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => describeIssue(data, issue));
    const message = issues.map((i) => i.message).join('; ');
    throw new MailTemplateError(`${id}: ${message}`, issues[0]?.field);
  }

  const view: Record<string, unknown> = { ...LAYOUT_TEXT[lang], language: lang };
  for (const [key, value] of Object.entries(parsed.data)) {
    const fieldSchema: unknown = schema.shape[key as keyof typeof schema.shape];
    if (fieldSchema === letterDate) view[key] = formatLetterDate(value as string, lang);
    else if (fieldSchema === hourCount) view[key] = hoursPhrase(value as number, lang);
    else if (fieldSchema === deadlineKind)
      view[key] = DEADLINE_KIND_NAMES[lang][value as (typeof deadlineKinds)[number]];
    else view[key] = value;
  }
  const letter = loadLetter(id, lang);
  const layout = readTemplateFile('layout.html.mustache');
  const base = `${id}.${lang}`;
  assertResolved(`${base}.txt.mustache`, `${letter.subject}\n${letter.text}`, Object.keys(view));
  const subject = Mustache.render(letter.subject, view, {}, plain).trim();
  if (subject === '') throw new MailTemplateError(`${base}.txt.mustache renders an empty subject`);
  const body = Mustache.render(letter.text, view, {}, plain).trimEnd();
  const signature = `${LAYOUT_TEXT[lang].ministry}, ${LAYOUT_TEXT[lang].register}`;
  const text = `${body}\n\n-- \n${signature}\n${LAYOUT_TEXT[lang].footer}\n`;

  // The HTML part (layout and letter) may also show the subject, e.g. as the page title.
  const htmlView = { ...view, subject };
  assertResolved(`${base}.html.mustache`, letter.html, Object.keys(htmlView));
  assertResolved('layout.html.mustache', layout, Object.keys(htmlView), [CONTENT_PARTIAL]);
  const html = Mustache.render(layout, htmlView, { [CONTENT_PARTIAL]: letter.html });
  return { subject, text, html };
}

/** Synthetic data (no real person) for tests, the console preview and the benchmark. */
export const sampleMailData: { [T in MailTemplate]: MailData<T> } = {
  'set-password': {
    displayName: 'Līga Bērziņa',
    username: 'liga.berzina',
    link: 'https://register.example.lv/#/set-password?token=q7Xk2mN9pR4sT8vW',
    validHours: 24,
  },
  'reset-password': {
    displayName: 'Mārtiņš Ozoliņš',
    username: 'martins.ozolins',
    link: 'https://register.example.lv/#/set-password?token=Zt5yH3bL8cD1fG6j',
    validHours: 24,
  },
  'account-locked': {
    displayName: 'Ērika Kalniņa',
    username: 'erika.kalnina',
    resetUrl: 'https://register.example.lv/#/forgot-password',
  },
  'child-information-ready': {
    recipientName: 'Ināra Šņore',
    caseReference: 'ADP-2026-0142',
    contactPhone: '+371 67 021 600',
    contactEmail: 'adopcija@register.example.lv',
    answerBy: '2026-11-23',
  },
  'offer-deadline-approaching': {
    recipientName: 'Krišjānis Ģērmanis',
    caseReference: 'ADP-2026-0142',
    deadline: '2026-11-23',
  },
  'report-due': {
    institutionName: 'Bērnu sociālās aprūpes centrs „Ābeļzieds”',
    reportPeriod: '2026. gada 2. pusgads',
    dueDate: '2027-01-15',
  },
  'change-request-accepted': {
    displayName: 'Gunta Ozoliņa',
    requestNumber: 1042,
    acceptedCount: 2,
    proposedCount: 3,
    comment: 'Ārsta izziņas datums precizēts; attīstības apraksts pieņemts nākamreiz.',
    link: 'https://register.example.lv/#/change-requests/1042/show',
  },
  'change-request-returned': {
    displayName: 'Jānis Liepiņš',
    requestNumber: 1043,
    comment: 'Lūdzu, pievienojiet bāriņtiesas lēmuma numuru un datumu.',
    link: 'https://register.example.lv/#/change-requests/1043/show',
  },
  'deadline-reminder': {
    deadlineKind: 'court_claim',
    dueDate: '2026-12-18',
    caseReference: 'ADP-2026-0142',
    overdue: false,
  },
  'post-adoption-report-due': {
    recipientName: 'Anna un Jānis Kalniņi',
    caseReference: 'ADP-2026-0142',
    dueDate: '2027-06-01',
  },
  'adopter-notice': {
    recipientName: 'Ilze Bērziņa',
    noticeSubject: 'Informācija gaidošajiem adoptētājiem',
    noticeBody: 'Aicinām pārbaudīt savu kontaktinformāciju.\n\nAr cieņu,\nadopcijas nodaļa',
  },
  'register-differences-summary': {
    recipientName: 'Ilze Bērziņa',
    runDate: '2026-12-07',
    newCount: 12,
    openCount: 47,
    assignedCount: 3,
    link: 'https://register.example.lv/#/register-differences',
  },
  'smoke-test': {
    displayName: 'Reģistra uzturētāji',
    environment: 'test',
    version: '0.1.0+42.1a2b3c4',
    reference: 'smoke-7f3e9c',
  },
};
