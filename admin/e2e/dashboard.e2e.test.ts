import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  lvDate,
  newConsolePage,
  yesterday,
} from './browser';
import { signInWithEnrolment } from './mfa';

// The dashboard of a specialist on the demo register with its offer history (the seed writes it
// for a demo server), a click through to a waiting child's card, and the head of department's
// fairness report. The screenshots are kept in docs/screenshots/ (docs/dashboard.md shows them).

const docsShots = join(__dirname, '..', '..', 'docs', 'screenshots');
const shot = (page: Page, name: string) =>
  page
    .waitForTimeout(400)
    .then(() =>
      page.screenshot({ path: join(docsShots, `dashboard-${name}.png`), fullPage: true }),
    );

(browserAvailable ? describe : describe.skip)('dashboard and fairness report in Chromium', () => {
  const suite = consoleSuite();

  it('shows a specialist the process at a glance, each name opening its record', async () => {
    const page = await newConsolePage(suite.browser, 'specialist');
    await page.goto(suite.server.url);
    await signInWithEnrolment(page, 'specialiste', E2E_PASSWORD);
    const process = page.getByTestId('dashboard-process');
    await process.waitFor({ timeout: 20_000 });
    const text = await process.innerText();
    expect(text).toContain('Adopcijas process');
    expect(text).toContain('Gaida atbildi');
    expect(text).toContain('Termiņi 14 dienās');
    expect(text).toContain('Nokavēti');
    expect(text).toContain('Bērni, kas gaida visilgāk');
    expect(text).toMatch(/Dati uz \d{2}\.\d{2}\.\d{4}/);
    // The demo offer history: offers sent and waiting for an answer, ten children waiting.
    const awaiting = Number(await page.getByTestId('dashboard-awaiting-count').innerText());
    expect(awaiting).toBeGreaterThan(0);
    expect(await page.getByTestId('dashboard-children-waiting').locator('li').count()).toBe(10);
    // The chart has bars (recharts draws them as SVG paths).
    await page
      .getByTestId('dashboard-medians')
      .locator('.recharts-bar-rectangle')
      .first()
      .waitFor();
    await shot(page, '01-specialist');

    const first = page.getByTestId('dashboard-children-waiting').locator('a').first();
    const name = await first.innerText();
    await first.click();
    await page.waitForURL(/#\/children\/\d+\/show$/, { timeout: 10_000 });
    await page.locator('main').getByText(name.split(' ')[0]!).first().waitFor({ timeout: 10_000 });
    await page.context().close();
  });

  it('gives the head of department the fairness report with withheld cells explained', async () => {
    const page = await newConsolePage(suite.browser, 'head');
    await page.goto(suite.server.url);
    await signInWithEnrolment(page, 'vaditaja', E2E_PASSWORD);
    await page.getByTestId('dashboard-process').waitFor({ timeout: 20_000 });
    await shot(page, '02-head');
    await page.getByRole('menuitem', { name: 'Taisnīguma pārskats' }).click();
    await page.waitForURL(/#\/fairness/);
    const report = page.getByTestId('fairness-report');
    await report.waitFor({ timeout: 20_000 });
    const text = await report.innerText();
    expect(text).toMatch(/Periods: \d{2}\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}/);
    for (const heading of [
      'Dzimums',
      'Vecums iekļaušanas dienā',
      'Invaliditāte',
      'Brāļu un māsu grupa',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Džini koeficients');
    // The demo register is small: some cells are withheld, and the legend says what "<5" means.
    expect(text).toMatch(/<5|—/);
    expect(await page.getByTestId('fairness-legend').innerText()).toContain('<5');
    await shot(page, '03-fairness');
    // A period typed as Latvian dates.
    await page.getByTestId('fairness-from').fill('01.01.2020');
    await page.getByTestId('fairness-to').fill(lvDate(yesterday()));
    await page.getByRole('button', { name: 'Rādīt' }).click();
    await page.waitForURL(/from=2020-01-01/);
    await page
      .getByTestId('fairness-report')
      .getByText(`Periods: 01.01.2020 – ${lvDate(yesterday())}`)
      .waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});
