import { createHmac } from 'node:crypto';
import { createRng, type Rng } from '../latvian/random';

// Keyed pseudonyms. Every synthetic value is derived from HMAC-SHA256 under PSEUDONYM_KEY, a
// secret that only the refresh (Jenkins) holds: without it nobody, TEST's operators included, can
// recompute which real person a pseudonym stands for, and with it the same person always gets the
// same pseudonym, in every table and on every refresh.

/** The shortest key accepted: 32 characters, like the other secrets (JWT_SECRET, DATA_ENCRYPTION_KEY). */
export const MIN_KEY_LENGTH = 32;

export class PseudonymKeyError extends Error {}

/** The key as bytes; refuses a missing or short key. */
export function pseudonymKey(raw: string | undefined): Buffer {
  if (!raw || raw.length < MIN_KEY_LENGTH) {
    throw new PseudonymKeyError(
      `PSEUDONYM_KEY must be set to a secret of at least ${MIN_KEY_LENGTH} characters (kept in Jenkins credentials, never in TEST's configuration)`,
    );
  }
  return Buffer.from(raw, 'utf8');
}

export const hmac = (key: Buffer, label: string): Buffer =>
  createHmac('sha256', key).update(label, 'utf8').digest();

/**
 * A person's pseudonym: HMAC-SHA256(key, identity) in hex. `identity` names the person the way
 * the data does (`pc:<personal code>`, or `children:<id>` for a child without one). A statistics
 * export can use it as a stable person id that reveals nothing without the key.
 */
export const personPseudonym = (key: Buffer, identity: string): string =>
  hmac(key, `person:${identity}`).toString('hex');

/** Deterministic choices from a seed (a pseudonym or any HMAC output). */
export class Derive {
  constructor(private readonly seed: Buffer) {}

  bytes(label: string): Buffer {
    return hmac(this.seed, label);
  }

  /** An integer in [0, n), from 48 bits of the label's HMAC (bias below 2^-40 for small n). */
  int(label: string, n: number): number {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`bad range ${n}`);
    return this.bytes(label).readUIntBE(0, 6) % n;
  }

  pick<T>(label: string, items: readonly T[]): T {
    return items[this.int(label, items.length)] as T;
  }

  /** A seeded generator for helpers that take one (generatePersonalCode). */
  rng(label: string): Rng {
    return createRng(this.bytes(label).readUInt32BE(0));
  }

  /** `count` decimal digits. */
  digits(label: string, count: number): string {
    let out = '';
    for (let block = 0; out.length < count; block++) {
      const bytes = this.bytes(`${label}#${block}`);
      for (const b of bytes) if (b < 250 && out.length < count) out += String(b % 10);
    }
    return out;
  }
}

// Neutral sentences for replaced free text: they say what happened and nothing about anybody.
const PLACEHOLDER_SENTENCES = [
  'Teksts aizstāts testa videi.',
  'Saturs pseidonimizēts, tas neattiecas uz reālu personu.',
  'Apraksts izveidots automātiski testēšanai.',
  'Šeit bija brīvs teksts; testa vidē tas nav pieejams.',
  'Informācija aizstāta ar neitrālu tekstu.',
];

/**
 * Free text replaced by neutral text of the same length (in characters), so forms, lists and
 * letters in TEST look as they would with the real text, and every length check still holds.
 * The choice of sentences depends on the original only through the keyed seed.
 */
export function placeholderText(derive: Derive, original: string): string {
  const length = [...original].length;
  if (length === 0) return original;
  let text = '';
  for (
    let i = derive.int('placeholder', PLACEHOLDER_SENTENCES.length);
    [...text].length < length;
    i++
  ) {
    text += (text ? ' ' : '') + PLACEHOLDER_SENTENCES[i % PLACEHOLDER_SENTENCES.length];
  }
  const cut = [...text].slice(0, length).join('');
  // A cut may end in a space; keep the length and avoid a trailing blank.
  return cut.endsWith(' ') ? `${cut.slice(0, -1)}.` : cut;
}

/**
 * A document number (decision, certificate) with its digits replaced and its letters and
 * punctuation kept: "BT-2025/21" → "BT-7391/84". A court's decision number and date would find
 * the real case in the court's own register, so the number is not kept; the shape is.
 */
export function renumber(key: Buffer, original: string): string {
  for (let attempt = 0; ; attempt++) {
    const digits = new Derive(hmac(key, `document:${attempt}:${original}`)).digits('d', 50);
    let i = 0;
    const out = original.replace(/\d/g, () => digits[i++]!);
    if (out !== original || !/\d/.test(original)) return out;
  }
}
