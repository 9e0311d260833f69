/**
 * e2e/: browser tests of the console in Chromium (playwright-core) against a real server and test
 * database, one file per journey (*.e2e.test.ts); the shared set-up is this file, the second factor
 * mfa.ts. Unit tests of console logic sit beside their code in src/, the API's in backend/.
 */
import { tmpdir } from 'node:os';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseConfig } from '../../backend/src/config/config';
import { startServer, type RunningServer } from '../../backend/src/server';
import { createTestDatabase } from '../../backend/src/test-support/test-db';

/** The bootstrap administrator's password in the browser tests, and every demo user's. */
export const E2E_PASSWORD = 'E2e-parole-2026!';

/** Debian's chromium package (no browser download); CHROMIUM_PATH for another build. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Outside CI a machine without Chromium skips the browser tests; in CI they must run. */
export const browserAvailable = existsSync(chromiumPath) || process.env.CI === 'true';

export const screenshotDir = join(__dirname, '..', '..', 'test-results', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

/**
 * `screenshots('card')(page)('01-form')` saves the whole page as `card-01-form.png`. `fromTop`
 * scrolls up first: a whole-page picture of a scrolled page repeats the fixed app bar mid-page.
 */
export const screenshots =
  (prefix: string, opts: { fromTop?: boolean } = {}) =>
  (page: Page) =>
  async (name: string) => {
    if (opts.fromTop) await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(screenshotDir, `${prefix}-${name}.png`), fullPage: true });
  };

/** `YYYY-MM-DD` as the console shows and takes it, `DD.MM.YYYY`. */
export const lvDate = (iso: string) => iso.split('-').reverse().join('.');

/** Yesterday in Riga, `YYYY-MM-DD`: a decision or move date the rules accept (not in the future). */
export const yesterday = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Riga' }).format(
    new Date(Date.now() - 86_400_000),
  );

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // The machine's network is closed: keep Chromium from calling home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a browser context of its own (its own cookies and storage, so two users can be signed
 * in at once) at the specialists' desktop size, in Latvian; its errors are logged under `label`.
 */
export async function newConsolePage(browser: Browser, label: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'lv-LV',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => console.error(`${label} page error:`, err.message));
  return page;
}

/**
 * Signs in on the sign-in page (already open) a user whose role needs no second factor (a care
 * institution, an orphan court) and waits for the dashboard; `signInWithEnrolment` (mfa.ts) for
 * the others.
 */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard-greeting').waitFor({ timeout: 20_000 });
}

/** The server and Chromium a browser test file runs against (`consoleSuite`). */
export interface ConsoleSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * Starts the console's server (`startConsoleServer` with `env`, or a function giving it when it
 * depends on an earlier hook) and Chromium before the tests of the enclosing describe block, and
 * stops both after them. Call it inside the describe block, before its own `beforeAll`.
 */
export function consoleSuite(
  env: Record<string, string> | (() => Record<string, string>) = {},
): ConsoleSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startConsoleServer(E2E_PASSWORD, typeof env === 'function' ? env() : env);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('consoleSuite: used before its beforeAll ran');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}

/**
 * The real server on a database of its own, serving the built console, as a TEST environment
 * (so the banner shows) with a known administrator password.
 */
export async function startConsoleServer(
  adminPassword: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const consoleDir = join(__dirname, '..', 'dist');
  if (!existsSync(join(consoleDir, 'index.html')))
    throw new Error('Build the console first: npm run build -w admin');
  const database = await createTestDatabase();
  return startServer(
    parseConfig({
      APP_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-12345',
      DATA_ENCRYPTION_KEY: 'e2e-mfa-key-e2e-mfa-key-e2e-mfa-key-123',
      BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      DEMO_DATA: 'true',
      CONSOLE_DIR: consoleDir,
      LOG_LEVEL: 'silent',
      // Without SMTP_URL mails become .eml files: keep them out of the working tree.
      MAIL_DIR: join(tmpdir(), `e2e-mail-${process.pid}`),
      ...env,
    }),
    { database },
  );
}
