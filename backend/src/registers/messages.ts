import { z } from 'zod';
import { disabilityGroups, nationalityKinds, normalizePersonalCode, sexes } from '@adoption/model';
import { MalformedAnswer, type RecordOf, type RegisterAnswer, type RegisterName } from './types';

// The messages of docs/integrations.md as schemas: what we send, and what an answer must hold
// before anyone reads it. Both transports hand the answer's JSON form (xml.ts for SOAP) to
// `readAnswer`, so a field is checked the same way whatever the encoding.

export interface RegisterRequest {
  personalCode: string;
  purpose: string;
  requestId: string;
}

export const paths: Record<RegisterName, string> = {
  population: '/population/v1/person',
  disability: '/disability/v1/person',
};
export const soapPaths: Record<RegisterName, string> = {
  population: '/population/v1/soap',
  disability: '/disability/v1/soap',
};
/** The answer's field that holds the record. */
export const recordField = { population: 'person', disability: 'disability' } as const;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const instant = z.iso.datetime({ offset: true });
/** Read with or without the hyphen, kept as our cards keep it: 11 digits. */
const code = z.string().transform((s, ctx) => {
  const normalised = normalizePersonalCode(s);
  if (normalised === null) {
    ctx.addIssue({ code: 'custom', message: 'must be a personal code (11 digits)' });
    return z.NEVER;
  }
  return normalised;
});
const related = z.object({
  personalCode: code.nullable(),
  givenNames: z.string().min(1),
  surname: z.string().min(1),
});

export const personRecord = z.object({
  personalCode: code,
  givenNames: z.string().min(1),
  surname: z.string().min(1),
  birthDate: date,
  sex: z.enum(sexes),
  declaredAddress: z
    .object({ text: z.string().min(1), atvk: z.string().regex(/^\d{7}$/) })
    .nullable(),
  citizenship: z.enum(nationalityKinds),
  deathDate: date.nullable(),
  parents: z.array(related).optional(),
  spouse: related.nullable().optional(),
});

export const disabilityRecord = z.object({
  personalCode: code,
  group: z.enum(disabilityGroups).nullable(),
  from: date,
  until: date.nullable(),
  specialCareOpinion: z.boolean().nullable(),
  decisionNumber: z.string().min(1),
});

const records = { population: personRecord, disability: disabilityRecord };

/** Each register's answer schema, built once (zod compiles an object schema on first use). */
const answerSchema = (register: RegisterName) =>
  z.object({
    requestId: z.string(),
    found: z.boolean(),
    answeredAt: instant,
    [recordField[register]]: records[register].optional(),
  });
const answerSchemas: Record<RegisterName, ReturnType<typeof answerSchema>> = {
  population: answerSchema('population'),
  disability: answerSchema('disability'),
};

/**
 * An answer's JSON form as a RegisterAnswer; MalformedAnswer when a field is missing or of the
 * wrong type, or when it answers another request than ours.
 */
export function readAnswer<N extends RegisterName>(
  register: N,
  body: unknown,
  requestId: string,
): RegisterAnswer<RecordOf[N]> {
  const parsed = answerSchemas[register].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MalformedAnswer(`${issue.path.join('.') || 'answer'}: ${issue.message}`);
  }
  const answer = parsed.data as Record<string, unknown> & { found: boolean; answeredAt: string };
  if (answer.requestId !== requestId) throw new MalformedAnswer('requestId: not our request');
  const record = answer[recordField[register]] as RecordOf[N] | undefined;
  if (!answer.found) return { found: false, answeredAt: answer.answeredAt };
  if (!record) throw new MalformedAnswer(`${recordField[register]}: missing in a found answer`);
  return { found: true, record, answeredAt: answer.answeredAt };
}

/** The request's fields (the simulator reads them; a caller's are checked by the client). */
export const registerRequest = z.object({
  personalCode: z.string().min(1),
  purpose: z.string().min(1).max(200),
  requestId: z.string().min(1).max(100),
});
