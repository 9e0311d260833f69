import { assertTargetUrlNotProd } from './guard';
import { main, USAGE } from './refresh-cli';

// The command line as Jenkins and the rehearsal call it: usage, refusals before any connection.

let stderr: jest.SpyInstance;
let stdout: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => jest.restoreAllMocks());
const errors = () => stderr.mock.calls.map((c) => String(c[0])).join('');
const KEY = 'cli-test-key-cli-test-key-cli-test-key-1';

it('explains its usage (exit 64)', async () => {
  expect(await main([], {})).toBe(64);
  expect(await main(['sideways'], {})).toBe(64);
  expect(errors()).toContain(USAGE);
  expect(
    await main(['refresh', '--target', 'postgresql://u@h/adoption_test'], { PSEUDONYM_KEY: KEY }),
  ).toBe(64);
  expect(errors()).toMatch(/refresh needs --backup FILE/);
});

it('refuses without a key, and a target that says production, before connecting (exit 2)', async () => {
  // The hosts do not exist: a refusal must come before any connection is tried.
  const args = ['refresh', '--backup', '/nonexistent.dump', '--target'];
  expect(await main([...args, 'postgresql://u@nowhere.invalid/adoption_test'], {})).toBe(2);
  expect(errors()).toMatch(/refused: PSEUDONYM_KEY must be set/);
  for (const target of [
    'postgresql://u@nowhere.invalid/adoption_prod',
    'postgresql://u@prod.nowhere.invalid/adoption',
    'postgresql://adoption_production@nowhere.invalid/adoption',
  ]) {
    expect(await main([...args, target], { PSEUDONYM_KEY: KEY })).toBe(2);
  }
  expect(errors()).toMatch(
    /refusing to write to u@nowhere\.invalid\/adoption_prod: its database name says production/,
  );
  expect(errors()).not.toMatch(/password/);
  expect(
    await main([...args, 'postgresql://u@nowhere.invalid/adoption_test'], {
      PSEUDONYM_KEY: KEY,
      APP_ENV: 'prod',
    }),
  ).toBe(2);
  expect(errors()).toMatch(/APP_ENV=prod/);
  // "products" or "reproduction" is not production.
  expect(() => assertTargetUrlNotProd('postgresql://u@h/products_reproduction')).not.toThrow();
});

it('prints the classification for the docs', async () => {
  expect(await main(['classification'], {})).toBe(0);
  expect(String(stdout.mock.calls[0]?.[0])).toMatch(/^\| table \| rows \|/);
});
