import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailable, consoleSuite, E2E_PASSWORD, screenshotDir } from './browser';
import { signInWithEnrolment } from './mfa';
import { totpCode } from '../../backend/src/mfa/totp';

// The served console in real Chromium: sign in, the TEST banner, language switch, classifier list.

let page: Page;
let recoveryCodes: string[] = [];
let totpSecret = '';

(browserAvailable ? describe : describe.skip)('console in Chromium', () => {
  const suite = consoleSuite({ APP_VERSION: '9.9.9-e2e' });
  beforeAll(async () => {
    page = await suite.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'lv-LV' });
    page.on('pageerror', (err) => console.error('console page error:', err.message));
  }, 120_000);

  const shot = (name: string) =>
    page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

  it('signs in, in Latvian by default, under a banner nobody can miss on TEST', async () => {
    await page.goto(suite.server.url);
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(E2E_PASSWORD);
    await shot('01-login');
    // An administrator needs a second factor: the first sign-in sets it up (QR code, first code,
    // recovery codes once).
    ({ recoveryCodes, secret: totpSecret } = await signInWithEnrolment(
      page,
      'admin',
      E2E_PASSWORD,
      shot,
    ));
    expect(await page.locator('body').innerText()).not.toMatch(/Rezerves kodi/);

    const greeting = page.getByTestId('dashboard-greeting');
    await greeting.waitFor({ timeout: 20_000 });
    expect(await greeting.innerText()).toContain('Sistēmas administrators');
    const banner = page.getByTestId('environment-banner');
    expect(await banner.getAttribute('data-environment')).toBe('test');
    expect(await banner.innerText()).toMatch(/TESTA VIDE/);
    expect(await banner.innerText()).toContain('9.9.9-e2e');
    const box = await banner.boundingBox();
    expect(box!.width).toBeGreaterThan(1000); // full width
    expect(await page.locator('html').getAttribute('lang')).toBe('lv');
    await shot('02-dashboard-lv');
  });

  it('lists territories with Latvian sorting, search without diacritics', async () => {
    await page.goto(`${suite.server.url}/#/territories`);
    await page.getByText('Ādažu novads').waitFor({ timeout: 20_000 });
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(25);
    const firstNames = await rows.locator('td').allInnerTexts();
    expect(firstNames.join(' ')).toContain('Aizkraukles novads');
    await shot('03-territories-lv');

    await page.locator('input[name="q"]').fill('rezekne');
    await page.waitForFunction(
      () => document.querySelectorAll('table tbody tr').length === 2,
      null,
      { timeout: 10_000 },
    );
    const found = await page.locator('table tbody tr').allInnerTexts();
    expect(found.join('\n')).toMatch(/Rēzekne/);
    await shot('04-territories-search');

    // The record opens on a row click, with its dates in Latvian form.
    await page.locator('table tbody tr', { hasText: 'Rēzeknes novads' }).click();
    // Wait for the record page itself: the list row shows the same ATVK code.
    await page.waitForURL(/#\/territories\/\d+\/show$/, { timeout: 10_000 });
    await page.locator('main').getByText('Izveidots', { exact: true }).waitFor({ timeout: 10_000 });
    const shown = await page.locator('main').innerText();
    expect(shown).toMatch(/\b\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\b/);
    expect(shown).toMatch(/Versija/);
    await shot('05-territory-show');
  });

  it('switches to English', async () => {
    await page.goto(`${suite.server.url}/#/`);
    await page.getByTestId('dashboard-greeting').waitFor();
    await page.getByRole('button', { name: /latviešu/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText(/TEST ENVIRONMENT/).waitFor({ timeout: 10_000 });
    await page.goto(`${suite.server.url}/#/countries`);
    await page.locator('input[name="q"]').fill('latv');
    await page.getByText('Latvija').first().waitFor({ timeout: 20_000 });
    await shot('06-countries-en');
    expect(await page.locator('body').innerText()).toMatch(/Countries/);
  });

  it('signs in again with a code, or with a recovery code once', async () => {
    const signOut = async () => {
      await page.evaluate(() => sessionStorage.clear());
      await page.goto(`${suite.server.url}/#/login`);
      await page.locator('input[name="username"]').fill('admin');
      await page.locator('input[name="password"]').fill(E2E_PASSWORD);
      await page.locator('button[type="submit"]').click();
    };
    await signOut();
    await page.locator('input[name="code"]').waitFor({ timeout: 20_000 });
    await shot('07-mfa-code');
    // The enrolment used this step's code: the next step's is accepted (one step of drift).
    await page.locator('input[name="code"]').fill(totpCode(totpSecret, Date.now() + 30_000));
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard-greeting').waitFor({ timeout: 20_000 });

    await signOut();
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.locator('input[name="recoveryCode"]').fill(recoveryCodes[0]!);
    await shot('08-mfa-recovery-code');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard-greeting').waitFor({ timeout: 20_000 });
  });

  it('shows the outgoing set-password mail as it reads, the one-time link hidden', async () => {
    // A new account queues its set-password mail (created through the API with the page's token).
    const token = await page.evaluate(
      () =>
        (JSON.parse(sessionStorage.getItem('adoption-register.session')!) as { token: string })
          .token,
    );
    const created = await fetch(`${suite.server.url}/api/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        username: 'ilze.kalnina',
        displayName: 'Ilze Kalniņa',
        email: 'ilze.kalnina@example.lv',
        role: 'analyst',
      }),
    });
    expect(created.status).toBe(201);

    // Back to Latvian (the step above chose English).
    await page.goto(`${suite.server.url}/#/`);
    await page.getByRole('button', { name: /english/i }).click();
    await page.getByRole('menuitem', { name: 'Latviešu' }).click();
    await page.getByText('Izejošās vēstules', { exact: true }).click();
    await page.waitForURL(/#\/outgoing-mail/, { timeout: 10_000 });
    const row = page.locator('table tbody tr', { hasText: 'ilze.kalnina@example.lv' });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain('Paroles iestatīšana');
    await shot('09-outgoing-mail-list');

    await row.click();
    await page.waitForURL(/#\/outgoing-mail\/\d+\/show$/, { timeout: 10_000 });
    const subject = page.getByTestId('mail-subject');
    await subject.waitFor({ timeout: 10_000 });
    expect(await subject.innerText()).toBe('Paroles iestatīšana Adopcijas reģistrā');
    // The HTML part renders in its sandboxed frame (the API's CSP lets a srcdoc frame show).
    const letter = page.frameLocator('[data-testid="mail-html"]');
    await letter.getByText('Labdien, Ilze Kalniņa!').waitFor({ timeout: 10_000 });
    const text = await page.getByTestId('mail-text').innerText();
    expect(text).toContain('https://link.hidden.invalid/one-time-link-not-shown');
    expect(text).not.toMatch(/token=/);
    // The letter on its own first: a full-page screenshot leaves the sandboxed frame (a process
    // of its own) blank, and it repaints only a while after one.
    const frame = page.getByTestId('mail-html');
    await frame.scrollIntoViewIfNeeded();
    await frame.screenshot({ path: join(screenshotDir, '11-outgoing-mail-letter.png') });
    await shot('10-outgoing-mail-show');
  });
});
