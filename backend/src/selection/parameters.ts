import { z } from 'zod';
import type { Db } from '../db/database';

/**
 * The selection rules' and the process's parameters, versioned: each change is a new row of
 * `selection_parameters` (its id is the version); a selection run, an offer's deadlines and the
 * refusal rule name the version they used. docs/selection.md explains each one and its legal basis.
 */
export const selectionParameters = z
  .object({
    /** The child's consent is required from this age (Civil Law, section 169). */
    consentAge: z.number().int().min(7).max(18),
    /** The age gap (Civil Law, section 163): 18 years, 16 for siblings or a spouse's child. */
    ageGapYears: z.number().int().min(10).max(30),
    ageGapRelaxedYears: z.number().int().min(10).max(30),
    /** A child outside the wished ages by at most this many years is a near miss. */
    nearMissAgeYears: z.number().int().min(0).max(5),
    /** Days the adopter has to answer after receiving information about a child. */
    answerDays: z.number().int().min(1).max(180),
    /** Pre-adoption care length (historically up to six months). */
    preAdoptionCareMonths: z.number().int().min(1).max(24),
    /** Days to file the court claim after the best-interests decision. */
    courtClaimDays: z.number().int().min(1).max(365),
    /** Foreign adoption: the permit is issued within this many months, valid for that many. */
    permitIssueMonths: z.number().int().min(1).max(12),
    permitValidityMonths: z.number().int().min(1).max(12),
    /** Foreign post-adoption reports: every N months for the first years, then yearly until 18. */
    reportEveryMonthsFirstYears: z.number().int().min(1).max(12),
    reportFirstYears: z.number().int().min(0).max(18),
    /** Reminders go this many days before a deadline. */
    reminderDaysBefore: z.number().int().min(0).max(60),
    /** Repeated unreasoned refusals: `count` within `withinMonths` → no new information for `pauseMonths`. */
    refusalRule: z
      .object({
        count: z.number().int().min(1).max(20),
        withinMonths: z.number().int().min(1).max(60),
        pauseMonths: z.number().int().min(0).max(60),
        appliesTo: z.enum(['foreign', 'all']),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'SelectionParameterValues' });

export type SelectionParameters = z.infer<typeof selectionParameters>;

export interface ParametersVersion {
  version: number;
  values: SelectionParameters;
}

/** The parameters in force: the newest version. */
export async function currentParameters(db: Db): Promise<ParametersVersion> {
  const row = await db
    .selectFrom('selectionParameters')
    .select(['id', 'values'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { version: row.id, values: selectionParameters.parse(row.values) };
}

/** One stored version (a run re-shown names the version it used). */
export async function parametersVersion(db: Db, version: number): Promise<ParametersVersion> {
  const row = await db
    .selectFrom('selectionParameters')
    .select(['id', 'values'])
    .where('id', '=', version)
    .executeTakeFirstOrThrow();
  return { version: row.id, values: selectionParameters.parse(row.values) };
}
