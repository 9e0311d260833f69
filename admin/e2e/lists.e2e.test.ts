import { rigaToday } from '@adoption/model';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ageBandBirthDates } from '../../backend/src/children/list';
import { browserAvailable, consoleSuite, E2E_PASSWORD, screenshotDir } from './browser';
import { signInWithEnrolment } from './mfa';

// The children list as a specialist works with it, in real Chromium on the demo data: filters by
// age group and "may be adopted abroad", hides a column with the column chooser, and downloads the
// list as CSV — the file holds exactly the filtered children and not the hidden column.

let page: Page;
const today = rigaToday();

const shot = async (name: string) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(screenshotDir, `lists-${name}.png`), fullPage: true });
};

/** The table's rows once the list has settled on `n` of them. */
const rowsSettleAt = (n: number) =>
  page.waitForFunction(
    (count) =>
      document.querySelectorAll('table tbody tr').length === count &&
      !document.querySelector('.MuiLinearProgress-root'),
    n,
    { timeout: 15_000 },
  );

(browserAvailable ? describe : describe.skip)('the children list in Chromium', () => {
  const suite = consoleSuite();
  /** Children aged 10–13 cleared for adoption abroad: what the filtered list must show. */
  let expected: { id: number; surname: string; givenNames: string }[];

  beforeAll(async () => {
    const db = suite.server.database.db;
    // Cleared for abroad: three children aged 10–13 and two of other ages (whatever the demo
    // data holds besides, the expectation is read back from the database).
    const band = ageBandBirthDates('10-13', today);
    const abroad = {
      clearedAbroad: true,
      abroadCourtDecisionNumber: 'BT-ĀRV-2025/3',
      abroadCourtDecisionDate: '2025-03-03',
      abroadCommissionOpinionDate: '2025-04-04',
    };
    const inBand = await db
      .selectFrom('children')
      .select('id')
      .where('birthDate', '>', band.after!)
      .where('birthDate', '<=', band.onOrBefore)
      .orderBy('id')
      .limit(3)
      .execute();
    const outside = await db
      .selectFrom('children')
      .select('id')
      .where('birthDate', '<=', ageBandBirthDates('14-17', today).onOrBefore)
      .orderBy('id')
      .limit(2)
      .execute();
    await db
      .updateTable('children')
      .set(abroad)
      .where(
        'id',
        'in',
        [...inBand, ...outside].map((c) => c.id),
      )
      .execute();
    expected = await db
      .selectFrom('children')
      .select(['id', 'surname', 'givenNames'])
      .where('clearedAbroad', '=', true)
      .where('birthDate', '>', band.after!)
      .where('birthDate', '<=', band.onOrBefore)
      .execute();
    expect(expected.length).toBeGreaterThanOrEqual(3);

    const context = await suite.browser.newContext({
      viewport: { width: 1600, height: 900 },
      locale: 'lv-LV',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => console.error('lists page error:', err.message));
  }, 120_000);

  it('filters by age group and "may be adopted abroad"', async () => {
    await page.goto(suite.server.url);
    await signInWithEnrolment(page, 'specialiste', E2E_PASSWORD);
    await page.getByRole('menuitem', { name: 'Bērni', exact: true }).click();
    await page.waitForURL(/#\/children/);
    await page.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
    const header = await page.locator('table thead').innerText();
    for (const column of [
      'Vecums',
      'Reģistrā (mēn.)',
      'Var adoptēt uz ārvalstīm',
      'Bērna piekrišana',
    ])
      expect(header).toContain(column);

    await page.getByRole('button', { name: 'Pievienot filtru' }).click();
    // react-admin's filter menu: one checkbox item per filter; it stays open for more.
    await page.getByRole('menuitemcheckbox', { name: 'Vecuma grupa' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Vecuma grupa' }).click();
    await page.getByRole('option', { name: '10–13 gadi' }).click();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Pievienot filtru' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Var adoptēt uz ārvalstīm' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Var adoptēt uz ārvalstīm' }).click();
    await page.getByRole('option', { name: 'Jā' }).click();

    await rowsSettleAt(expected.length);
    await page.waitForURL(/clearedAbroad/);
    const rows = await page.locator('table tbody tr').allInnerTexts();
    for (const child of expected) {
      expect(rows.some((r) => r.includes(child.surname) && r.includes(child.givenNames))).toBe(
        true,
      );
    }
    // Ages in the age column are 10 to 13.
    const ageIndex = (await page.locator('table thead th').allInnerTexts()).findIndex(
      (h) => h.trim() === 'Vecums',
    );
    const ages = await page.locator(`table tbody tr td:nth-child(${ageIndex + 1})`).allInnerTexts();
    expect(ages.map(Number).every((a) => a >= 10 && a <= 13)).toBe(true);
    await shot('01-children-filtered');
  });

  it('hides a column with the column chooser', async () => {
    await page.getByRole('button', { name: 'Kolonnas' }).click();
    await page.getByLabel('Bāriņtiesa', { exact: true }).waitFor();
    await shot('02-column-chooser');
    await page.getByLabel('Bāriņtiesa', { exact: true }).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('table thead')?.textContent?.includes('Bāriņtiesa'),
    );
    await shot('03-children-column-hidden');
  });

  it('exports the filtered list as CSV, without the hidden column', async () => {
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`berni-${today}.csv`);
    const path = join(screenshotDir, `lists-export-${process.pid}.csv`);
    await download.saveAs(path);
    const rows = parse(readFileSync(path, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
    const [header, ...body] = rows as [string[], ...string[][]];
    expect(header).not.toContain('Bāriņtiesa');
    expect(header).toEqual(
      expect.arrayContaining(['Uzvārds', 'Vārds (vārdi)', 'Vecums (gadi)', 'Statuss']),
    );
    expect(body).toHaveLength(expected.length);
    const surnameAt = header.indexOf('Uzvārds');
    const givenAt = header.indexOf('Vārds (vārdi)');
    expect(body.map((r) => `${r[surnameAt]} ${r[givenAt]}`).sort()).toEqual(
      expected.map((c) => `${c.surname} ${c.givenNames}`).sort(),
    );
    const event = await suite.server.database.db
      .selectFrom('auditEvents')
      .select(['actorUsername', 'resource', 'recordIds', 'detail'])
      .where('action', '=', 'export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actorUsername: 'specialiste', resource: 'children' });
    expect(event.recordIds?.map(Number).sort((a, b) => a - b)).toEqual(
      expected.map((c) => c.id).sort((a, b) => a - b),
    );
  });

  it('exports the filtered adopters list as XLSX: every matching record, the chosen columns', async () => {
    const expectedCount = Number(
      (
        await suite.server.database.db
          .selectFrom('adopters')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('acceptsSiblings', '=', true)
          .executeTakeFirstOrThrow()
      ).n,
    );
    await page.getByRole('menuitem', { name: 'Adoptētāji', exact: true }).click();
    await page.waitForURL(/#\/adopters/);
    // The adopters' table, not the children's still on screen while the page changes.
    await page.locator('table thead', { hasText: 'Iekļauts reģistrā' }).waitFor();
    const header = await page.locator('table thead').innerText();
    for (const column of ['Gaida (mēn.)', 'Vēlamais dzimums', 'Vēlamais vecums'])
      expect(header).toContain(column);
    await page.getByRole('button', { name: 'Pievienot filtru' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Pieņemtu brāļus un māsas' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Pieņemtu brāļus un māsas' }).click();
    await page.getByRole('option', { name: 'Jā' }).click();
    await page.waitForURL(/acceptsSiblings/);
    await rowsSettleAt(Math.min(expectedCount, 25));
    await shot('04-adopters-filtered');

    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'XLSX' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`adoptetaji-${today}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(expectedCount);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    // The spouse column stands for the spouse's surname and given names in the file.
    expect(headers).toEqual(
      expect.arrayContaining(['Iekļauts reģistrā', 'Laulātā uzvārds', 'Pieņemtu brāļus un māsas']),
    );
    // Columns the chooser hides by default.
    expect(headers).not.toContain('Valsts');
    expect(headers).not.toContain('Adoptētāja veids');
  });
  it('lists the keyboard shortcuts on "?" and keeps them to the page: / search, e edit, n new', async () => {
    await page.getByRole('menuitem', { name: 'Bērni', exact: true }).click();
    await page.waitForURL(/#\/children/);
    await page.locator('table tbody tr').first().waitFor();
    // Nothing focused (a click on the page could land on a menu item as the menu grows).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.getByText('Īsinājumtaustiņi').waitFor();
    for (const text of ['Meklēt sarakstā', 'Jauns ieraksts', 'Labot atvērto ierakstu', 'Saglabāt'])
      expect(await dialog.innerText()).toContain(text);
    await shot('05-shortcuts');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.keyboard.press('/');
    const search = page.locator('input[name="q"]');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    // Typed into the search box, "n" is a letter, not a new record.
    await page.keyboard.type('n');
    expect(page.url()).not.toMatch(/create/);
    await search.fill('');
    await page.locator('table tbody tr').first().click();
    await page.waitForURL(/#\/children\/\d+\/show/);
    await page.getByRole('tab').first().waitFor();
    await page.keyboard.press('e');
    await page.waitForURL(/#\/children\/\d+$/);
    await page.locator('input[name="surname"]').waitFor();
    await page.getByRole('menuitem', { name: 'Bērni', exact: true }).click();
    await page.locator('table tbody tr').first().waitFor();
    await page.keyboard.press('n');
    await page.waitForURL(/#\/children\/create/);
  });
});
