// External registers' cached answers: migration 0026-register-answers (registers/cache.ts).

export interface RegisterAnswersTable {
  register: 'population' | 'disability';
  /** HMAC-SHA256 of the personal code (registers/cache.ts), never the code itself. */
  lookupKey: string;
  /** The answer as JSON, sealed with secret-box (purpose 'register-answer'). */
  answer: string;
  answeredAt: Date;
  expiresAt: Date;
}
