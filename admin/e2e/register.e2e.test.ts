import type { Page } from 'playwright-core';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  lvDate,
  newConsolePage,
  screenshots,
  signIn,
} from './browser';
import { signInWithEnrolment } from './mfa';

// The person registers in real Chromium, on the demo data (120 synthetic children, 45 adopters):
// a specialist finds a child without typing diacritics and sees the whole card; a care institution
// sees its own child without the religion and the birth family; the statistics page.

// Let MUI's tab indicator finish sliding before the picture is taken.
const shotOf = screenshots('register');

const tabNames = async (page: Page) =>
  (await page.getByRole('tab').allInnerTexts()).map((t) => t.trim().toLowerCase());

(browserAvailable ? describe : describe.skip)('children and adopters in Chromium', () => {
  const suite = consoleSuite();

  const newPage = () => newConsolePage(suite.browser, 'register');

  describe('an adoption specialist', () => {
    let page: Page;
    let shot: (name: string) => Promise<unknown>;

    beforeAll(async () => {
      page = await newPage();
      shot = shotOf(page);
    });

    it('finds the Bērziņi by typing "berzin", and opens the whole card', async () => {
      const expected = await suite.server.database.db
        .selectFrom('children')
        .select(['id', 'surname'])
        .where('searchText', 'like', '%berzin%')
        .execute();
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.every((c) => /^Bērziņ/.test(c.surname))).toBe(true);

      await page.goto(suite.server.url);
      // A specialist needs a second factor: the first sign-in sets it up.
      await signInWithEnrolment(page, 'specialiste', E2E_PASSWORD);
      await page.getByRole('menuitem', { name: 'Bērni', exact: true }).click();
      await page.waitForURL(/#\/children/);
      await page.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('table tbody tr').count()).toBe(25);
      const header = await page.locator('table thead').innerText();
      expect(header).toMatch(/Uzvārds/);
      expect(header).toMatch(/Dzimšanas datums/);
      // Birth dates in Latvian form.
      expect(await page.locator('table tbody').innerText()).toMatch(/\b\d{2}\.\d{2}\.\d{4}\b/);
      await shot('01-children-list');

      await page.locator('input[name="q"]').fill('berzin');
      await page.waitForFunction(
        (n) => document.querySelectorAll('table tbody tr').length === n,
        expected.length,
        { timeout: 10_000 },
      );
      const rows = await page.locator('table tbody tr').allInnerTexts();
      expect(rows.every((r) => /Bērziņ(š|a)/.test(r))).toBe(true);
      await shot('02-children-search-berzin');

      // (Which of the surnames the demo data has varies with its seed.)
      await page
        .locator('table tbody tr', { hasText: /Bērziņ/ })
        .first()
        .click();
      await page.waitForURL(/#\/children\/\d+\/show$/);
      // The tabs come with the permissions: wait for the last group's.
      await page.getByRole('tab', { name: 'Adopcija' }).waitFor();
      expect(await tabNames(page)).toEqual(
        expect.arrayContaining([
          'bērns',
          'aprūpe un juridiskais statuss',
          'veselība',
          'attīstība un personība',
          'bioloģiskā ģimene',
          'reliģija',
          'adopcija',
          'brāļi un māsas',
          'vēsture',
        ]),
      );
      const card = await page.locator('main').innerText();
      expect(card).toMatch(/Personas kods/);
      expect(card).toMatch(/\b\d{6}-\d{5}\b/); // DDMMYY-NNNNN
      // Who has seen or changed this: the specialist's own read of the card is there.
      await page.getByText('Kas skatījis vai mainījis šo ierakstu').waitFor();
      const history = page.locator('table', { hasText: 'specialiste' }).last();
      await history.waitFor({ timeout: 10_000 });
      // The list pages that showed the child (its own read may land after the panel loaded).
      expect(await history.innerText()).toMatch(/Saraksta skatīšana/);
      await shot('03-child-card');

      await page.getByRole('tab', { name: 'Bioloģiskā ģimene' }).click();
      await page.locator('.card-tabs').getByText('Bioloģiskās ģimenes raksturojums').waitFor();
      await shot('04-child-birth-family');
    });

    it('edits the card and the change is saved', async () => {
      await page.getByRole('link', { name: 'Labot' }).click();
      await page.waitForURL(/#\/children\/\d+$/);
      // The form itself, not the card's tabs of the same names still on screen.
      await page.locator('input[name="surname"]').waitFor();
      await page.getByRole('tab', { name: 'Veselība', exact: true }).click();
      const treatment = page.locator('textarea[name="furtherTreatment"]');
      await treatment.fill('Fizioterapija divas reizes nedēļā.');
      await shot('05-child-edit');
      await page.getByRole('button', { name: 'Saglabāt' }).click();
      await page.waitForURL(/#\/children\/\d+\/show/);
      // The router keeps the form on screen until the card has rendered: wait for the card.
      await page.locator('.card-tabs').waitFor();
      await page.getByRole('tab', { name: 'Veselība', exact: true }).click();
      // (The printed layout holds the same text, hidden on screen.)
      await page.locator('.card-tabs').getByText('Fizioterapija divas reizes nedēļā.').waitFor();
    });

    it('checks the card before saving, and shows the API answer under the input', async () => {
      // An existing child's personal code: right in itself, so only the API can refuse it.
      const existing = await suite.server.database.db
        .selectFrom('children')
        .select(['personalCode', 'birthDate'])
        .where('personalCode', 'is not', null)
        .where('birthDate', '<', '2017-01-01')
        .orderBy('id')
        .executeTakeFirstOrThrow();

      await page.goto(`${suite.server.url}/#/children/create`);
      await page.locator('input[name="surname"]').fill('Ozoliņa');
      await page.locator('input[name="givenNames"]').fill('Anna');
      await page.locator('input[name="birthDate"]').fill('15.03.2015');
      await page.locator('input[name="personalCode"]').fill('150315-20002');
      await page.getByRole('button', { name: 'Saglabāt' }).click();
      await page.getByText('Nepareizs personas koda pēdējais (kontroles) cipars').waitFor();
      await page.getByText('Obligāts lauks').first().waitFor(); // sex, nationality
      await shot('06-child-create-errors');

      await page.getByRole('combobox', { name: 'Dzimums' }).click();
      await page.getByRole('option', { name: 'Sieviešu' }).click();
      await page.getByRole('combobox', { name: 'Pilsonība' }).click();
      await page.getByRole('option', { name: 'Latvijas pilsonis' }).click();
      await page.locator('input[name="birthDate"]').fill(lvDate(existing.birthDate));
      await page.locator('input[name="personalCode"]').fill(existing.personalCode!);
      await page.getByRole('tab', { name: 'Aprūpe un juridiskais statuss' }).click();
      await page.locator('input[name="recordSheetReceivedOn"]').fill('01.02.2020');
      await page.getByRole('combobox', { name: 'Ārpusģimenes aprūpes veids' }).click();
      await page.getByRole('option', { name: 'Audžuģimene' }).click();
      await page.getByRole('combobox', { name: 'Bāriņtiesa' }).click();
      await page.getByRole('option').first().click();
      await page.locator('input[name="careDecisionNumber"]').fill('BT-2020/17');
      await page.locator('input[name="careDecisionDate"]').fill('10.01.2020');
      await page.getByRole('button', { name: 'Saglabāt' }).click();

      // 409 from the API (the code is in the register already), shown under the input.
      await page.getByRole('tab', { name: 'Bērns' }).click();
      await page.getByText('Šāda vērtība jau ir reģistrā').waitFor();
      expect(page.url()).toMatch(/#\/children\/create/);
      await shot('06b-child-create-server-error');
    });

    it('lists the adopters in the order of the queue', async () => {
      // Leaving the unsaved new card asks first.
      const asked = new Promise<string>((resolve) =>
        page.once('dialog', (dialog) => {
          resolve(dialog.message());
          void dialog.accept();
        }),
      );
      await page.getByRole('menuitem', { name: 'Adoptētāji', exact: true }).click();
      expect(await asked).toMatch(/nav saglabātas/);
      await page.waitForURL(/#\/adopters/);
      await page.locator('table tbody tr').first().waitFor();
      expect(await page.locator('table thead').innerText()).toMatch(/Iekļauts reģistrā/);
      await shot('07-adopters-list');
      await page.locator('table tbody tr').first().click();
      await page.waitForURL(/#\/adopters\/\d+\/show$/);
      await page.getByRole('tab', { name: 'Atteikumi' }).waitFor();
      // The foreign adopter's tab only for origin "foreign".
      expect((await tabNames(page)).filter((t) => t !== 'ārvalstu adoptētājs')).toEqual([
        'adoptētājs',
        'kontaktinformācija',
        'lēmums un apmācība',
        'piederība un motivācija',
        'vēlmes',
        'atteikumi',
        'vēsture',
      ]);
      await shot('08-adopter-card');
    });

    it('counts children by status without showing small numbers', async () => {
      await page.getByRole('menuitem', { name: 'Statistika' }).click();
      await page.waitForURL(/#\/statistics/);
      const table = page.getByTestId('statistics-table');
      await table.waitFor();
      const text = await table.innerText();
      expect(text).toMatch(/Var piedāvāt adopcijai/);
      expect(text).toMatch(/< 5/);
      expect(text).toMatch(/Kopā\s+120/);
      expect(await page.getByTestId('statistics-note').innerText()).toMatch(/mazāk nekā 5/);
      await shot('09-statistics-status');
      await page.getByRole('button', { name: 'Vecums' }).click();
      await page.getByText('14–17 gadi').waitFor();
      await shot('10-statistics-age');
    });
  });

  describe('a care institution', () => {
    it('opens its own child without the religion and the birth family', async () => {
      const user = await suite.server.database.db
        .selectFrom('users')
        .select('careProviderId')
        .where('username', '=', 'iestade')
        .executeTakeFirstOrThrow();
      const child = await suite.server.database.db
        .selectFrom('children')
        .select(['id', 'surname', 'health'])
        .where('careProviderId', '=', user.careProviderId!)
        .orderBy('id')
        .executeTakeFirstOrThrow();

      const page = await newPage();
      const shot = shotOf(page);
      await page.goto(suite.server.url);
      await signIn(page, 'iestade', E2E_PASSWORD);
      // Register section with children only: no adopters, no statistics.
      const menu = (await page.getByRole('menuitem').allInnerTexts()).join(' | ');
      expect(menu).toMatch(/Bērni/);
      expect(menu).not.toMatch(/Adoptētāji|Statistika|Lietotāji/);
      expect(await page.getByText('Reģistrs', { exact: true }).count()).toBe(1);
      // No heading over nothing: a care institution administers nothing.
      expect(await page.getByText('Administrēšana', { exact: true }).count()).toBe(0);

      const answer = page.waitForResponse((r) => r.url().endsWith(`/api/children/${child.id}`));
      await page.goto(`${suite.server.url}/#/children/${child.id}/show`);
      const body = (await (await answer).json()) as Record<string, unknown>;
      expect(body).not.toHaveProperty('birthFamilyCharacterisation');
      expect(body).not.toHaveProperty('religion');
      await page.getByRole('tab', { name: 'Vēsture' }).waitFor();
      const tabs = await tabNames(page);
      expect(tabs).toEqual(
        expect.arrayContaining([
          'bērns',
          'aprūpe un juridiskais statuss',
          'veselība',
          'attīstība un personība',
          'vēsture',
        ]),
      );
      expect(tabs.join(' ')).not.toMatch(/reliģija|bioloģiskā|adopcija/);
      expect(await page.locator('main').innerText()).toContain(child.surname);
      await shot('11-care-institution-child');

      await page.getByRole('tab', { name: 'Veselība' }).click();
      await page.locator('.card-tabs').getByText(child.health!).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/Reliģiskā piederība/);
      await shot('12-care-institution-health');
    });
  });
});
