import { z } from 'zod';
import { adopterOrigins, campaignStatuses, outboxStatuses, sexes } from '@adoption/model';
import { mailTemplates } from '../messaging/templates';

/** Which waiting adopters (with an e-mail address) a campaign writes to; all given must hold. */
export const campaignCriteria = z
  .object({
    origin: z.enum(adopterOrigins).optional(),
    /** Waiting longer than this many whole months since the queue date (`enteredOn`). */
    waitingMoreThanMonths: z.number().int().min(0).max(600).optional(),
    /** Wishes fit a sibling group of this size: wished children ≥ n, and (n ≥ 2) accepts siblings. */
    fitsGroupOfSize: z.number().int().min(1).max(12).optional(),
    /** The wished age range holds a child of this age (years). */
    fitsAge: z.number().int().min(0).max(17).optional(),
    /** The wished sex is this one or "any". */
    fitsSex: z.enum(sexes).optional(),
  })
  .strict()
  .meta({ id: 'CampaignCriteria' });
export type CampaignCriteria = z.infer<typeof campaignCriteria>;

const letter = mailTemplates['adopter-notice'].shape;

export const campaignInput = z
  .object({
    criteria: campaignCriteria,
    /** One line; the letter's subject. */
    subject: letter.noticeSubject,
    /** Plain text the specialist writes (no child's personal data); greeted with the name. */
    body: z
      .string()
      .transform((s) => s.replace(/\r\n?/g, '\n'))
      .pipe(letter.noticeBody),
  })
  .strict()
  .meta({ id: 'CampaignInput' });

export const previewInput = z.object({ criteria: campaignCriteria }).strict();

export const campaignRecipient = z
  .object({
    adopterId: z.number().int(),
    name: z.string(),
    email: z.string(),
    preferredLanguage: z.string(),
    origin: z.enum(adopterOrigins),
    enteredOn: z.string(),
  })
  .meta({ id: 'CampaignRecipient' });

export const campaignPreview = z
  .object({ count: z.number().int(), recipients: z.array(campaignRecipient) })
  .meta({ id: 'CampaignPreview' });

export const campaignSummary = z
  .object({
    id: z.number().int(),
    criteria: campaignCriteria,
    subject: z.string(),
    status: z.enum(campaignStatuses),
    recipientCount: z.number().int(),
    createdBy: z.number().int(),
    sentBy: z.number().int().nullable(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'CampaignSummary' });

export const campaignRecord = campaignSummary
  .extend({
    body: z.string(),
    recipients: z.array(
      z.object({
        adopterId: z.number().int(),
        name: z.string(),
        email: z.string(),
        outboxId: z.number().int().nullable(),
        delivery: z.enum(outboxStatuses).nullable(),
        deliveredAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CampaignRecord' });
