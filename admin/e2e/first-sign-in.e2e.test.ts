import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailable, consoleSuite, E2E_PASSWORD, screenshotDir } from './browser';
import { signInWithEnrolment } from './mfa';
import { SmtpSink } from '../../backend/src/test-support/smtp-sink';
import { eventually } from '../../backend/src/test-support/tcp-proxy';

// A new user's first sign-in: the administrator creates the account in the console, the e-mail
// with the one-time link arrives at an SMTP server (a local sink) through the outbox and the mail
// worker, the user follows the link, sets a password the policy accepts, and signs in.

let page: Page;
let sink: SmtpSink;

(browserAvailable ? describe : describe.skip)('first sign-in through the set-password link', () => {
  // The sink first: the server is started with its address.
  beforeAll(async () => {
    sink = await SmtpSink.start();
  });
  const suite = consoleSuite(() => ({ SMTP_URL: sink.url, OUTBOX_POLL_MS: '100' }));
  beforeAll(async () => {
    page = await suite.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'lv-LV' });
    page.setDefaultTimeout(15_000);
  }, 120_000);

  // Whatever happened, the last screen of each step is kept for a person to look at.
  afterEach(async () => {
    await page?.screenshot({
      path: join(
        screenshotDir,
        `first-sign-in-last-${expect.getState().currentTestName?.slice(-20)}.png`,
      ),
    });
  });

  afterAll(async () => {
    await sink?.close();
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(screenshotDir, `first-sign-in-${name}.png`), fullPage: true });

  it('the administrator creates the account in the console', async () => {
    await page.goto(suite.server.url);
    // The administrator's first sign-in sets up the second factor.
    await signInWithEnrolment(page, 'admin', E2E_PASSWORD, shot);

    await page.goto(`${suite.server.url}/#/users/create`);
    await page.locator('input[name="username"]').fill('liga.analitike');
    await page.locator('input[name="displayName"]').fill('Līga Ozoliņa');
    await page.locator('input[name="email"]').fill('liga.ozolina@example.lv');
    await page.getByRole('combobox', { name: 'Loma' }).click();
    await page.getByRole('option', { name: 'Analītiķis' }).click();
    await shot('1-create');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByText('liga.ozolina@example.lv').first().waitFor({ timeout: 10_000 });
    await shot('2-created');
  });

  it('the user sets a password from the e-mailed link and signs in', async () => {
    await eventually(() => sink.to('liga.ozolina@example.lv').length > 0, 20_000);
    const mail = sink.to('liga.ozolina@example.lv')[0]!;
    expect(mail.subject).toMatch(/parol/i);
    const link = /https?:\/\/\S+set-password\?token=[^\s"<]+/.exec(mail.text ?? '')?.[0] ?? '';
    expect(link.startsWith(`${suite.server.url}/#/set-password?token=`)).toBe(true);

    // A fresh browser context: nobody is signed in.
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'lv-LV',
    });
    const user = await context.newPage();
    user.setDefaultTimeout(15_000);
    await user.goto(link);
    expect(await user.getByTestId('link-username').innerText()).toContain('liga.analitike');
    await user.locator('input[name="password"]').fill('liga.analitike-2026');
    await user.locator('input[name="repeat"]').fill('liga.analitike-2026');
    await user.getByRole('button', { name: 'Saglabāt paroli' }).click();
    await user.getByTestId('password-error').first().waitFor();
    expect(await user.getByTestId('password-error').allInnerTexts()).toContain(
      'Parole nedrīkst saturēt lietotājvārdu',
    );
    await user.screenshot({ path: join(screenshotDir, 'first-sign-in-3-policy.png') });

    await user.locator('input[name="password"]').fill('Ziemas-saulgrieži-2026');
    await user.locator('input[name="repeat"]').fill('Ziemas-saulgrieži-2026');
    await user.getByRole('button', { name: 'Saglabāt paroli' }).click();
    await user.getByText('Parole saglabāta').waitFor();
    await user.screenshot({ path: join(screenshotDir, 'first-sign-in-4-done.png') });

    await user.getByRole('link', { name: 'Pieslēgties' }).click();
    await user.locator('input[name="username"]').fill('liga.analitike');
    await user.locator('input[name="password"]').fill('Ziemas-saulgrieži-2026');
    await user.locator('button[type="submit"]').click();
    // An analyst needs no second factor: the password alone signs in.
    const greeting = user.getByTestId('dashboard-greeting');
    await greeting.waitFor({ timeout: 20_000 });
    expect(await greeting.innerText()).toContain('Līga Ozoliņa');
    await user.screenshot({ path: join(screenshotDir, 'first-sign-in-5-signed-in.png') });

    // The link worked once.
    await user.goto(link);
    await user.getByText(/Saite nav derīga/).waitFor();
    await context.close();
  }, 60_000);
});
