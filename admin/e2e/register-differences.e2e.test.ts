import type { Page } from 'playwright-core';
import { databaseSources, simulatedPeople } from '../../backend/src/registers/simulator/people';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  newConsolePage,
  screenshots,
} from './browser';
import { signInWithEnrolment } from './mfa';

// The nightly reconciliation's work queue in real Chromium, on the demo data against the server's
// own register simulator (its deliberate differences: a married surname, a moved address …): the
// administrator runs the reconciliation on the jobs page and sees its counts; the specialist opens
// "Reģistru atšķirības", filters the declared addresses, assigns the moved adopter's to herself,
// resolves it with a reason and finds it under the resolved ones; a change made meanwhile by
// somebody else is said plainly; a row opens the card it concerns.

const shotOf = screenshots('register-differences', { fromTop: true });

/** Picks `option` in the list filter `label` (a react-admin SelectInput). */
async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

(browserAvailable ? describe : describe.skip)(
  'register differences’ work queue in Chromium',
  () => {
    const suite = consoleSuite();
    const reason =
      'Adoptētājs uz laiku dzīvo pie radiniekiem; deklarēto adresi mainīs pēc remonta.';

    const adopterOf = async (code: string) =>
      suite.server.database.db
        .selectFrom('adopters')
        .select(['id', 'surname', 'givenNames', 'declaredAddress'])
        .where('personalCode', '=', code)
        .executeTakeFirstOrThrow();
    const itemOf = (recordId: number, field: string) =>
      suite.server.database.db
        .selectFrom('registerDifferences')
        .selectAll()
        .where('resource', '=', 'adopters')
        .where('recordId', '=', recordId)
        .where('field', '=', field)
        .executeTakeFirstOrThrow();

    it('the administrator runs the reconciliation and sees its title and counts', async () => {
      const admin = await newConsolePage(suite.browser, 'differences-admin');
      const shot = shotOf(admin);
      await admin.goto(suite.server.url);
      await signInWithEnrolment(admin, 'admin', E2E_PASSWORD);
      // The administrator does not work the queue: no menu item for it.
      await admin.getByRole('menuitem', { name: 'Fona darbi' }).waitFor();
      expect(await admin.getByRole('menuitem', { name: 'Reģistru atšķirības' }).count()).toBe(0);

      await admin.goto(`${suite.server.url}/#/jobs`);
      await admin
        .getByRole('button', { name: 'Palaist tagad: Salīdzināšana ar valsts reģistriem' })
        .click();
      const row = admin.locator('tr', { hasText: 'Salīdzināšana ar valsts reģistriem' }).first();
      await row.getByText('Pabeigts').waitFor({ timeout: 60_000 });
      const text = await row.innerText();
      expect(text).toMatch(/pārbaudīti: \d+/);
      expect(text).toMatch(/jaunas atšķirības: [1-9]\d*/);
      expect(text).toMatch(/reģistrs neatbildēja: 0/);
      expect(text).not.toMatch(/withDifferences|stillOpen|register-reconciliation/);
      await shot('01-job-done');
      await admin.context().close();
    });

    it('the specialist filters the addresses, assigns one to herself, resolves it with a reason', async () => {
      const db = suite.server.database.db;
      const { differences } = simulatedPeople(await databaseSources(db));
      const moved = await adopterOf(differences.moved!);
      const married = await adopterOf(differences.marriedSurname!);
      const name = (a: { surname: string; givenNames: string }) => `${a.surname} ${a.givenNames}`;
      expect(await itemOf(moved.id, 'declaredAddress')).toMatchObject({ status: 'open' });

      const page = await newConsolePage(suite.browser, 'differences-specialist');
      const shot = shotOf(page);
      await page.goto(suite.server.url);
      await signInWithEnrolment(page, 'specialiste', E2E_PASSWORD);
      await page.getByRole('menuitem', { name: 'Reģistru atšķirības' }).click();
      await page.waitForURL(/#\/register-differences/);
      // The open ones by default, with both values as the card shows them.
      const marriedRow = page.locator('tr', { hasText: name(married) });
      await marriedRow.getByText('Vārds vai uzvārds').waitFor();
      expect(await marriedRow.innerText()).toMatch(/Uzvārds/);
      expect(await page.getByText('Neatrisināts').count()).toBeGreaterThan(0);
      await shot('02-queue');

      await pick(page, 'Atšķirības veids', 'Deklarētā adrese');
      const movedRow = page.locator('tr', { hasText: name(moved) });
      await movedRow.getByText('Deklarētā dzīvesvieta').waitFor();
      await marriedRow.waitFor({ state: 'detached' });
      expect(await movedRow.innerText()).toContain(moved.declaredAddress!);
      await movedRow.getByRole('button', { name: 'Piešķirt man' }).click();
      await page.getByText('Atšķirība piešķirta jums').waitFor();
      await movedRow.getByText('Ilze Bērziņa').waitFor();
      await movedRow.getByRole('button', { name: 'Atsaukt piešķīrumu' }).waitFor();
      await page.getByRole('button', { name: 'Piešķirts man' }).click();
      await page.waitForURL(/assignedTo/);
      await movedRow.waitFor();
      expect(await itemOf(moved.id, 'declaredAddress')).toMatchObject({
        assignedAt: expect.any(Date),
      });
      await shot('03-assigned-to-me');

      await movedRow.getByRole('button', { name: 'Atrisināt' }).click();
      const dialog = page.getByTestId('resolve-dialog');
      await dialog.getByText('Deklarētā dzīvesvieta').waitFor();
      const save = dialog.getByRole('button', { name: 'Atrisināt' });
      expect(await save.isDisabled()).toBe(true);
      await dialog.locator('textarea[name="reason"]').fill(reason);
      await shot('04-resolve-dialog');
      await save.click();
      await page.getByText('Atšķirība atrisināta').waitFor();
      await movedRow.waitFor({ state: 'detached' });
      const resolved = await itemOf(moved.id, 'declaredAddress');
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolution: 'explained',
        resolutionReason: reason,
      });
      // Ours stays; the reason is the field's register note the card's check shows.
      expect((await adopterOf(differences.moved!)).declaredAddress).toBe(moved.declaredAddress);
      const note = await db
        .selectFrom('registerNotes')
        .select(['field', 'reason'])
        .where('resource', '=', 'adopters')
        .where('recordId', '=', moved.id)
        .executeTakeFirstOrThrow();
      expect(note).toEqual({ field: 'declaredAddress', reason });

      await pick(page, 'Statuss', 'Atrisināts');
      await movedRow.getByText(reason).waitFor();
      const resolvedText = await movedRow.innerText();
      expect(resolvedText).toContain('Paskaidrots');
      expect(resolvedText).toContain('Ilze Bērziņa');
      expect(resolvedText).toMatch(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
      await shot('05-resolved');
    });

    it('says plainly when somebody else changed an item, and a row opens its card', async () => {
      const db = suite.server.database.db;
      const { differences } = simulatedPeople(await databaseSources(db));
      const married = await adopterOf(differences.marriedSurname!);
      const name = `${married.surname} ${married.givenNames}`;

      const page = await newConsolePage(suite.browser, 'differences-conflict');
      const shot = shotOf(page);
      await page.goto(suite.server.url);
      await signInWithEnrolment(page, 'vaditaja', E2E_PASSWORD);
      await page.goto(`${suite.server.url}/#/register-differences`);
      const row = page.locator('tr', { hasText: name });
      await row.getByRole('button', { name: 'Piešķirt man' }).waitFor();
      // Meanwhile somebody else assigns it (the item's version moves on).
      const item = await itemOf(married.id, 'surname');
      await db
        .updateTable('registerDifferences')
        .set({ version: item.version + 1 })
        .where('id', '=', item.id)
        .execute();
      await row.getByRole('button', { name: 'Piešķirt man' }).click();
      await page.getByText(/Šo atšķirību tikmēr mainīja kāds cits/).waitFor();
      expect(await page.getByText('The item changed since you read it').count()).toBe(0);
      // Reloaded: the next try has the item's current version and goes through.
      await row.getByRole('button', { name: 'Piešķirt man' }).click();
      await page.getByText('Atšķirība piešķirta jums').waitFor();

      // The item's own page, then the card it concerns.
      await row.getByText('Vārds vai uzvārds').click();
      await page.waitForURL(new RegExp(`#/register-differences/${item.id}/show`));
      await page.getByText('Iedzīvotāju reģistrs (PMLP)').waitFor();
      await shot('06-item');
      await page.getByRole('button', { name: 'Atvērt kartīti' }).click();
      await page.waitForURL(new RegExp(`#/adopters/${married.id}/show`));
      await page.getByRole('button', { name: 'Pārbaudīt reģistros' }).waitFor();
      await page.goBack();
      await page.goto(`${suite.server.url}/#/register-differences`);
      await row.getByRole('link', { name }).click();
      await page.waitForURL(new RegExp(`#/adopters/${married.id}/show`));
      await page.getByRole('button', { name: 'Pārbaudīt reģistros' }).waitFor();
      await shot('07-card');
    });
  },
);
