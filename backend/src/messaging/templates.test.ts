import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Mustache from 'mustache';
import { formatLetterDate } from '../latvian/dates';
import {
  DEADLINE_KIND_NAMES,
  clearMailTemplateCache,
  MAIL_TEMPLATE_DIR,
  mailLanguages,
  MailTemplateError,
  mailTemplateIds,
  mailTemplates,
  renderMail,
  sampleMailData,
  unresolvedNames,
  type MailTemplate,
} from './templates';

const DATE_FIELDS = new Set(['answerBy', 'deadline', 'dueDate', 'runDate']);
const cases = mailTemplateIds.flatMap((t) => mailLanguages.map((l) => [t, l] as const));

/** What renderMail throws, for asserting on its message and field. */
function refusal(template: string, language: string, data: unknown): MailTemplateError {
  try {
    renderMail(template, language, data);
  } catch (err) {
    expect(err).toBeInstanceOf(MailTemplateError);
    return err as MailTemplateError;
  }
  throw new Error(`renderMail(${template}, ${language}) did not refuse`);
}

describe('template files', () => {
  it('live in backend/templates/mail: a text and an HTML part per template and language', () => {
    expect(MAIL_TEMPLATE_DIR).toBe(path.resolve(__dirname, '../../templates/mail'));
    const expected = cases.flatMap(([t, l]) => [
      `${t}.${l}.txt.mustache`,
      `${t}.${l}.html.mustache`,
    ]);
    // No stray files either: a template without a schema would never be rendered.
    expect(readdirSync(MAIL_TEMPLATE_DIR).sort()).toEqual(
      [...expected, 'layout.html.mustache'].sort(),
    );
  });

  it('do not reuse the layout names for letter data', () => {
    for (const schema of Object.values(mailTemplates)) {
      for (const name of ['language', 'subject', 'ministry', 'register', 'footer']) {
        expect(Object.keys(schema.shape)).not.toContain(name);
      }
    }
  });
});

describe.each(cases)('renderMail(%s, %s)', (template, language) => {
  const data: Record<string, unknown> = sampleMailData[template];
  const mail = renderMail(template, language, data);
  const shown = (key: string, value: unknown) =>
    DATE_FIELDS.has(key)
      ? formatLetterDate(value as string, language)
      : key === 'deadlineKind'
        ? DEADLINE_KIND_NAMES[language][value as keyof (typeof DEADLINE_KIND_NAMES)['lv']]
        : String(value);
  // A flag chooses wording (deadline-reminder's `overdue`); it is not shown as such.
  const isFlag = (value: unknown) => typeof value === 'boolean';

  it('has a one-line subject and both parts', () => {
    expect(mail.subject.length).toBeGreaterThan(10);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text.length).toBeGreaterThan(100);
    expect(mail.html).toContain(`<title>${Mustache.escape(mail.subject)}</title>`);
  });

  it('shows every data field in the text part, unescaped, and dates in the letter language', () => {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'validHours' || isFlag(value)) continue; // a phrase, tested below
      // A field may be shown in the subject only (adopter-notice's own subject).
      expect(`${mail.subject}\n${mail.text}`).toContain(shown(key, value));
    }
    for (const key of Object.keys(data).filter((k) => DATE_FIELDS.has(k))) {
      expect(mail.text).not.toContain(data[key] as string);
    }
  });

  it('shows every data field in the HTML part, escaped', () => {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'validHours' || isFlag(value)) continue;
      expect(mail.html).toContain(Mustache.escape(shown(key, value)));
    }
  });

  it('wraps the HTML in the shared layout: language, UTF-8, header and footer', () => {
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="(lv|en)">/);
    expect(mail.html).toContain(`<html lang="${language}">`);
    expect(mail.html).toContain('<meta charset="utf-8">');
    expect(mail.html).toContain(
      language === 'lv' ? 'Labklājības ministrija' : 'Ministry of Welfare',
    );
    expect(mail.html).toContain(language === 'lv' ? 'Adopcijas reģistrs' : 'Adoption Register');
    expect(mail.html).toContain(language === 'lv' ? 'nosūtīta automātiski' : 'sent automatically');
    expect(mail.text).toContain(language === 'lv' ? 'nosūtīta automātiski' : 'sent automatically');
  });

  it('keeps the Latvian diacritics of the data and the letter', () => {
    // Letters to the register's mailbox name no one.
    const name = (data.displayName ?? data.recipientName ?? data.institutionName) as
      string | undefined;
    if (name !== undefined) {
      expect(name).toMatch(/[āčēģīķļņšūž]/i);
      expect(mail.text).toContain(name);
      expect(mail.html).toContain(Mustache.escape(name));
    }
    if (language === 'lv') expect(`${mail.subject}${mail.text}`).toMatch(/[āēīū]/);
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).toBe(part.normalize());
  });
});

describe('renderMail', () => {
  const setPassword = sampleMailData['set-password'];

  it('puts links into the text part unescaped and into the HTML part escaped', () => {
    const link = 'https://register.example.lv/#/set-password?token=a%2Fb&x=1';
    const mail = renderMail('set-password', 'lv', { ...setPassword, link });
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.html).toContain(`href="${Mustache.escape(link)}"`);
    expect(mail.html).not.toContain(link);
  });

  it('escapes markup in names in the HTML part only', () => {
    const displayName = 'Jānis <script>alert("x")</script> & Co';
    const mail = renderMail('set-password', 'en', { ...setPassword, displayName });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Jānis &lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;');
    expect(mail.text).toContain(`Hello ${displayName},`);
  });

  it('writes dates the Latvian and the English way', () => {
    const data = sampleMailData['offer-deadline-approaching'];
    expect(renderMail('offer-deadline-approaching', 'lv', data).text).toContain(
      'Atbildes sniegšanas termiņš: 2026. gada 23. novembris',
    );
    expect(renderMail('offer-deadline-approaching', 'en', data).text).toContain(
      'Answer deadline: 23 November 2026',
    );
  });

  it('agrees the hours with their number in both languages', () => {
    const valid = (validHours: number, language: string) =>
      /valid for (.+?) and|derīga (.+?), un/
        .exec(renderMail('reset-password', language, { ...setPassword, validHours }).text)!
        .slice(1)
        .find(Boolean);
    expect(valid(24, 'lv')).toBe('24 stundas');
    expect(valid(1, 'lv')).toBe('1 stundu');
    expect(valid(21, 'lv')).toBe('21 stundu');
    expect(valid(11, 'lv')).toBe('11 stundas');
    expect(valid(24, 'en')).toBe('24 hours');
    expect(valid(1, 'en')).toBe('1 hour');
  });

  it('renders the same letter again after the file cache is cleared', () => {
    const first = renderMail('report-due', 'lv', sampleMailData['report-due']);
    clearMailTemplateCache();
    expect(renderMail('report-due', 'lv', sampleMailData['report-due'])).toEqual(first);
  });
});

describe('what renderMail refuses', () => {
  it('an unknown template, including names inherited from Object', () => {
    for (const template of ['welcome', 'toString', '__proto__', '']) {
      const err = refusal(template, 'lv', {});
      expect(err.field).toBe('template');
      expect(err.message).toContain(`unknown mail template "${template}"`);
      expect(err.permanent).toBe(true);
    }
  });

  it('a language without letters', () => {
    const err = refusal('set-password', 'de', sampleMailData['set-password']);
    expect(err.field).toBe('language');
    expect(err.message).toMatch(/no "de" letters \(available: lv, en\)/);
  });

  it('missing data, naming the field', () => {
    const { link: _link, ...rest } = sampleMailData['set-password'];
    const err = refusal('set-password', 'lv', rest);
    expect(err.field).toBe('data.link');
    expect(err.message).toBe('set-password: data.link is required');
    expect(refusal('report-due', 'lv', null).message).toBe(
      'report-due: data must be an object of named values',
    );
    expect(refusal('report-due', 'lv', 'text').field).toBe('data');
  });

  it.each<[MailTemplate, string, unknown, RegExp]>([
    ['set-password', 'link', 'javascript:alert(1)', /http or https/],
    ['set-password', 'link', 'not a link', /http or https/],
    ['set-password', 'validHours', 1.5, /whole number/],
    ['set-password', 'validHours', 0, /at least 1/],
    ['set-password', 'username', 'Līga', /user name/],
    ['set-password', 'displayName', 'Līga\nSubject: x', /single line/],
    ['set-password', 'displayName', '   ', /not be empty/],
    ['account-locked', 'resetUrl', 'ftp://register.example.lv/', /http or https/],
    ['child-information-ready', 'answerBy', '2026-02-30', /calendar date/],
    ['child-information-ready', 'answerBy', '23.11.2026', /calendar date/],
    ['child-information-ready', 'contactEmail', 'adopcija', /e-mail/],
    ['child-information-ready', 'contactPhone', 'zvaniet', /phone number/],
    ['offer-deadline-approaching', 'deadline', 20261123, /expected string/],
    ['report-due', 'reportPeriod', 'x'.repeat(101), /at most 100/],
  ])('%s with a bad %s (%p)', (template, field, value, message) => {
    const err = refusal(template, 'lv', { ...sampleMailData[template], [field]: value });
    expect(err.field).toBe(`data.${field}`);
    expect(err.message).toMatch(new RegExp(`^${template}: data\\.${field} `));
    expect(err.message).toMatch(message);
  });
});

describe('child-information-ready carries no personal data of the child', () => {
  const sample = sampleMailData['child-information-ready'];

  it('accepts only the recipient, the case reference, the contact and the date', () => {
    expect(Object.keys(mailTemplates['child-information-ready'].shape).sort()).toEqual([
      'answerBy',
      'caseReference',
      'contactEmail',
      'contactPhone',
      'recipientName',
    ]);
  });

  it.each([
    ['childName', 'Anna Liepa'],
    ['birthDate', '2019-04-02'],
    ['health', 'astma'],
  ])('refuses an extra %s field', (field, value) => {
    const err = refusal('child-information-ready', 'lv', { ...sample, [field]: value });
    expect(err.field).toBe(`data.${field}`);
    expect(err.message).toBe(`child-information-ready: data.${field} not allowed`);
  });

  it('refuses a case reference that could hold a name', () => {
    for (const caseReference of ['Anna Liepa', 'Jānis', 'ADP 2026 0142', 'x'.repeat(41)]) {
      const err = refusal('child-information-ready', 'en', { ...sample, caseReference });
      expect(err.field).toBe('data.caseReference');
    }
  });

  it('renders nothing but the letter text and its own data', () => {
    for (const language of mailLanguages) {
      const mail = renderMail('child-information-ready', language, sample);
      // Strip the data; what remains is fixed letter text, identical for any other adopter.
      const other = renderMail('child-information-ready', language, {
        ...sample,
        recipientName: 'Zane Priede',
        caseReference: 'ADP-2027-0001',
      });
      const fixed = (text: string, name: string, ref: string) =>
        text.replaceAll(name, '<name>').replaceAll(ref, '<ref>');
      expect(fixed(mail.text, sample.recipientName, sample.caseReference)).toBe(
        fixed(other.text, 'Zane Priede', 'ADP-2027-0001'),
      );
    }
  });
});

describe('unresolvedNames', () => {
  it('finds names the data does not supply', () => {
    expect(unresolvedNames('Labdien, {{recipientName}}! {{childName}}', ['recipientName'])).toEqual(
      ['childName'],
    );
    expect(unresolvedNames('{{{link}}} {{& resetUrl}}', ['link'])).toEqual(['resetUrl']);
    expect(unresolvedNames('{{a.b}}', ['a'])).toEqual(['a.b']);
  });

  it('checks sections and their contents, allowing {{.}} only inside a section', () => {
    expect(unresolvedNames('{{#urgent}}Steidzami: {{deadline}}{{/urgent}}', ['deadline'])).toEqual([
      'urgent',
    ]);
    expect(unresolvedNames('{{^a}}{{b}}{{/a}}', ['a'])).toEqual(['b']);
    expect(unresolvedNames('{{#items}}{{.}}{{/items}}', ['items'])).toEqual([]);
    expect(unresolvedNames('{{.}}', [])).toEqual(['.']);
  });

  it('checks partials against the partials given, and ignores comments and delimiters', () => {
    expect(unresolvedNames('{{> content}}{{> header}}', [], ['content'])).toEqual(['>header']);
    expect(unresolvedNames('{{! {{childName}} is never used }}{{=<% %>=}}<% a %>', ['a'])).toEqual(
      [],
    );
  });

  it('passes every template file with exactly its schema fields and the layout names', () => {
    for (const [template, language] of cases) {
      const names = [...Object.keys(mailTemplates[template].shape), 'language', 'subject'];
      const layoutNames = [...names, 'ministry', 'register', 'footer'];
      for (const part of ['txt', 'html']) {
        const file = path.join(MAIL_TEMPLATE_DIR, `${template}.${language}.${part}.mustache`);
        const source = readFileSync(file, 'utf8');
        expect(unresolvedNames(source, layoutNames)).toEqual([]);
      }
    }
  });
});
