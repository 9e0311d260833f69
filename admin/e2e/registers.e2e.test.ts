import { databaseSources, simulatedPeople } from '../../backend/src/registers/simulator/people';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  newConsolePage,
  screenshots,
} from './browser';
import { signInWithEnrolment } from './mfa';

// "Pārbaudīt reģistros" in real Chromium against the server's own register simulator (started by
// the server when no register URL is configured), on the demo data with the simulator's
// deliberate differences: a married adopter's surname is different and taken over from the
// register; a moved adopter's address is explained, and the explanation shows at the next check.

const shotOf = screenshots('registers', { fromTop: true });

(browserAvailable ? describe : describe.skip)('register check in Chromium', () => {
  const suite = consoleSuite();

  it('compares field by field, takes a value over, keeps an explanation', async () => {
    const db = suite.server.database.db;
    // The same people and differences the server's simulator was started with.
    const { differences } = simulatedPeople(await databaseSources(db));
    const adopterOf = (code: string) =>
      db
        .selectFrom('adopters')
        .select(['id', 'surname', 'declaredAddress'])
        .where('personalCode', '=', code)
        .executeTakeFirstOrThrow();
    const married = await adopterOf(differences.marriedSurname!);
    const moved = await adopterOf(differences.moved!);

    const page = await newConsolePage(suite.browser, 'registers');
    const shot = shotOf(page);
    await page.goto(suite.server.url);
    await signInWithEnrolment(page, 'specialiste', E2E_PASSWORD);

    await page.goto(`${suite.server.url}/#/adopters/${married.id}/show`);
    await page.getByRole('button', { name: 'Pārbaudīt reģistros' }).click();
    const dialog = page.getByTestId('register-check');
    await dialog
      .getByTestId('register-population')
      .getByText(/atbilde \d{2}\.\d{2}\.\d{4}/)
      .waitFor();
    const surname = dialog.getByTestId('register-field-surname');
    expect(await surname.innerText()).toMatch(/Atšķiras/);
    expect(await dialog.getByTestId('register-field-givenNames').innerText()).toMatch(/Sakrīt/);
    await shot('01-comparison');
    const theirs = (await surname.locator('td').nth(2).innerText()).trim();
    expect(theirs).toMatch(new RegExp(`^${married.surname}-`));

    await surname.getByRole('button', { name: 'Pārņemt' }).click();
    await page.getByText('Vērtība pārņemta no reģistra').waitFor();
    await surname.getByText('Sakrīt').waitFor();
    await shot('02-taken');
    const after = await adopterOf(differences.marriedSurname!);
    expect(after.surname).toBe(theirs);
    const history = await db
      .selectFrom('recordChanges')
      .select(['source', 'changes'])
      .where('resource', '=', 'adopters')
      .where('recordId', '=', married.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(history.source).toBe('register');
    await dialog.getByRole('button', { name: 'Aizvērt' }).click();

    await page.goto(`${suite.server.url}/#/adopters/${moved.id}/show`);
    await page.getByRole('button', { name: 'Pārbaudīt reģistros' }).click();
    const address = dialog.getByTestId('register-field-declaredAddress');
    await address.getByText('Atšķiras').waitFor();
    await address.getByRole('button', { name: 'Paskaidrot' }).click();
    await dialog
      .locator('textarea[name="reason"]')
      .fill('Adoptētājs dzīvo pie radiniekiem līdz remonta beigām.');
    await dialog.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByText('Paskaidrojums saglabāts').waitFor();
    await address.getByText(/Paskaidrots: Adoptētājs dzīvo pie radiniekiem/).waitFor();
    await shot('03-explained');
    // Ours is kept.
    expect((await adopterOf(differences.moved!)).declaredAddress).toBe(moved.declaredAddress);
  });
});
