/* The criteria of a notice to adopters as the API takes them (backend/src/campaigns/schema.ts). */
export interface CampaignCriteria {
  origin?: 'latvian' | 'foreign';
  waitingMoreThanMonths?: number;
  fitsGroupOfSize?: number;
  fitsAge?: number;
  fitsSex?: 'female' | 'male';
}

const NUMBERS = ['waitingMoreThanMonths', 'fitsGroupOfSize', 'fitsAge'] as const;

/** The form's criteria without the empty ones (a cleared input is null or ''), numbers as numbers. */
export function cleanCriteria(raw: Record<string, unknown> | undefined | null): CampaignCriteria {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (value === null || value === undefined || value === '') continue;
    out[key] = (NUMBERS as readonly string[]).includes(key) ? Number(value) : value;
  }
  return out as CampaignCriteria;
}
