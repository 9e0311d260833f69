import { createHmac } from 'node:crypto';
import type { Db } from '../db/database';
import { deriveKey, secretBox, type SecretBox } from '../db/secret-box';
import type { RecordOf, RegisterAnswer, RegisterName } from './types';

// The registers' answers kept in PostgreSQL (`register_answers`, migration 0026) for
// REGISTER_CACHE_MINUTES, shared by every process. A dump of the table gives away neither whom we
// asked about nor what the register said: the row is found by an HMAC of the personal code under
// a key of its own (a code has few enough values to hash them all, so a plain hash would not do),
// and the answer is sealed with secret-box under the purpose 'register-answer'.

export class AnswerCache {
  private readonly key: Buffer;
  private readonly box: SecretBox;

  constructor(keyMaterial: string) {
    this.key = deriveKey(keyMaterial, 'register-lookup-key');
    this.box = secretBox(keyMaterial, 'register-answer');
  }

  lookupKey(register: RegisterName, personalCode: string): string {
    return createHmac('sha256', this.key)
      .update(`${register}:${personalCode}`, 'utf8')
      .digest('hex');
  }

  /** The answer kept for this person, unless it expired by `now`. */
  async get<N extends RegisterName>(
    db: Db,
    register: N,
    personalCode: string,
    now: Date,
  ): Promise<RegisterAnswer<RecordOf[N]> | undefined> {
    const row = await db
      .selectFrom('registerAnswers')
      .select('answer')
      .where('register', '=', register)
      .where('lookupKey', '=', this.lookupKey(register, personalCode))
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    return row ? (JSON.parse(this.box.open(row.answer)) as RegisterAnswer<RecordOf[N]>) : undefined;
  }

  /**
   * When the register last answered about this person, expired or not: what the register check
   * shows while the register is down ("unavailable — last answered …"). The answer itself stays
   * sealed: a stale answer is never served as a present one.
   */
  async lastAnsweredAt(db: Db, register: RegisterName, personalCode: string): Promise<Date | null> {
    const row = await db
      .selectFrom('registerAnswers')
      .select('answeredAt')
      .where('register', '=', register)
      .where('lookupKey', '=', this.lookupKey(register, personalCode))
      .executeTakeFirst();
    return row?.answeredAt ?? null;
  }

  /** Keeps an answer until `now + ttlMs`, replacing the one kept before. */
  async put<N extends RegisterName>(
    db: Db,
    register: N,
    personalCode: string,
    answer: RegisterAnswer<RecordOf[N]>,
    now: Date,
    ttlMs: number,
  ): Promise<void> {
    const row = {
      register,
      lookupKey: this.lookupKey(register, personalCode),
      answer: this.box.seal(JSON.stringify(answer)),
      answeredAt: new Date(answer.answeredAt),
      expiresAt: new Date(now.getTime() + ttlMs),
    };
    await db
      .insertInto('registerAnswers')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['register', 'lookupKey']).doUpdateSet({
          answer: row.answer,
          answeredAt: row.answeredAt,
          expiresAt: row.expiresAt,
        }),
      )
      .execute();
  }
}
