import { generatePersonalCode } from '../latvian/personal-code';
import type { Rng } from '../latvian/random';

/**
 * A new adopter's record as the API takes it (`POST /api/adopters`): a single Latvian adopter
 * recognised by `orphanCourtId`, with a fresh personal code from the test file's `rng`; `over`
 * adds or replaces fields.
 */
export const adopterCard = (
  rng: Pick<Rng, 'int'>,
  orphanCourtId: number,
  over: Record<string, unknown> = {},
) => ({
  origin: 'latvian',
  givenNames: 'Inese',
  surname: 'Ozoliņa',
  personalCode: generatePersonalCode(rng, '1984-08-10'),
  birthDate: '1984-08-10',
  declaredAddress: 'Dārza iela 3, Jelgava, LV-3001',
  orphanCourtId,
  decisionNumber: 'BT-2025/A1',
  decisionDate: '2025-04-01',
  enteredOn: '2025-04-20',
  ...over,
});
