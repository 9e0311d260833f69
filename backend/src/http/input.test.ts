import { inputErrors, MAX_DEPTH, ownEntry } from './input';
import { decimalId, idValue, parseDecimalId } from './ids';

// The pure pieces of input hardening; the HTTP behaviour is in hostile-values.test.ts and
// strict-ids.test.ts.

describe('ownEntry', () => {
  const filters: Record<string, number> = { status: 1 };
  it('finds own keys only, never Object.prototype members', () => {
    expect(ownEntry(filters, 'status')).toBe(1);
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
      expect(ownEntry(filters, name)).toBeUndefined();
    }
    // `__proto__` from JSON.parse is an own key, and then a real entry.
    expect(ownEntry(JSON.parse('{"__proto__":7}') as Record<string, number>, '__proto__')).toBe(7);
  });
});

describe('inputErrors', () => {
  it('names every NUL, in values and keys, at any depth', () => {
    expect(inputErrors({ a: 'x\u0000', b: [1, { 'c\u0000': 'ok' }] }, 'body')).toEqual([
      expect.objectContaining({ path: 'body.a', code: 'nul_character' }),
      expect.objectContaining({ path: 'body.b.1.c\\u0000', code: 'nul_character' }),
    ]);
    expect(inputErrors('\u0000', 'params.id')).toEqual([
      expect.objectContaining({ path: 'params.id', code: 'nul_character' }),
    ]);
  });

  it('accepts ordinary input', () => {
    expect(
      inputErrors({ name: 'Rēzekne', n: 1, ok: true, none: null, list: [[]] }, 'body'),
    ).toEqual([]);
  });

  it('refuses nesting past MAX_DEPTH without recursing (no stack overflow at 100,000)', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [error] = inputErrors(deep, 'body');
    expect(error).toMatchObject({ code: 'too_deep', path: `body${'.0'.repeat(MAX_DEPTH)}` });
    let fine: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH; i++) fine = [fine];
    expect(inputErrors(fine, 'body')).toEqual([]);
  });

  it('stops after 20 errors and shortens long keys in paths', () => {
    expect(inputErrors(Array(1000).fill('\u0000'), 'body')).toHaveLength(20);
    const [error] = inputErrors({ [`${'k'.repeat(500)}\u0000`]: 1 }, 'body');
    expect(error!.path.length).toBeLessThan(120);
  });
});

describe('ids', () => {
  it('are decimal digits only, in range', () => {
    expect(decimalId().safeParse('16').data).toBe(16);
    for (const text of ['0x10', '1e1', '0b10000', ' 16', '16 ', '+16', '016', '0', '-1', '16.0']) {
      expect([text, decimalId().safeParse(text).success]).toEqual([text, false]);
    }
    expect(decimalId().safeParse('2147483647').data).toBe(2147483647);
    expect(decimalId().safeParse('2147483648').success).toBe(false);
    expect(decimalId(Number.MAX_SAFE_INTEGER).safeParse('9007199254740991').success).toBe(true);
    expect(decimalId(Number.MAX_SAFE_INTEGER).safeParse('9007199254740992').success).toBe(false);
    expect(parseDecimalId('0x10')).toBeUndefined();
  });

  it('of getMany may be numbers or decimal strings', () => {
    expect(idValue().safeParse(3).data).toBe(3);
    expect(idValue().safeParse('3').data).toBe(3);
    for (const v of ['0x3', 3.5, 0, -3, '3 ', true, null]) {
      expect(idValue().safeParse(v).success).toBe(false);
    }
  });
});
