import { defineJob } from '../jobs/define';

/**
 * How long an expired answer is kept: the card's check says when a register last answered about a
 * person when it does not answer now (check.ts `lastAnsweredAt`, read from expired rows too); after
 * this the row goes, so the answers of the state registers — personal data, sealed — are not kept
 * for ever.
 */
export const EXPIRED_ANSWERS_KEPT_DAYS = 30;

/**
 * Nightly (01:15 Riga, once across processes: jobs/): deletes the registers' answers that expired
 * more than EXPIRED_ANSWERS_KEPT_DAYS ago.
 */
export const registerAnswersJob = defineJob({
  name: 'register-answers',
  title: {
    lv: 'Valsts reģistru atbilžu tīrīšana',
    en: 'Clean-up of the state registers’ answers',
  },
  cron: '15 1 * * *',
  handler: async (ctx) => {
    const before = new Date(ctx.now().getTime() - EXPIRED_ANSWERS_KEPT_DAYS * 24 * 3600 * 1000);
    const deleted = await ctx.db
      .deleteFrom('registerAnswers')
      .where('expiresAt', '<=', before)
      .executeTakeFirst();
    return { deleted: Number(deleted.numDeletedRows) };
  },
});
