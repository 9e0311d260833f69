import type { AgeBand } from '@adoption/model';

/** Age bands of the Ministry's statistics (years completed on the reference date). */
export { ageBands, type AgeBand } from '@adoption/model';

export function ageBand(years: number): AgeBand {
  if (years < 3) return '0-2';
  if (years < 7) return '3-6';
  if (years < 10) return '7-9';
  if (years < 14) return '10-13';
  if (years < 18) return '14-17';
  return '18+';
}
