import { databaseSources, simulatedPeople } from '../../backend/src/registers/simulator/people';
import type { Page } from 'playwright-core';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  lvDate,
  newConsolePage,
  screenshots,
} from './browser';
import { signInWithEnrolment } from './mfa';

// "Pārbaudīt reģistros" in real Chromium against the server's own register simulator (started by
// the server when no register URL is configured), on the demo data with the simulator's
// deliberate differences: a married adopter's surname is different and taken over from the
// register; a moved adopter's address is explained, and the explanation shows at the next check.
// On a new child's card, "Aizpildīt no Iedzīvotāju reģistra" fills the names, sex and birth date the
// specialist confirms, and a code already in the register points to the existing card.

const shotOf = screenshots('registers', { fromTop: true });

(browserAvailable ? describe : describe.skip)('register check in Chromium', () => {
  const suite = consoleSuite();
  let page: Page;

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

    page = await newConsolePage(suite.browser, 'registers');
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

  it('fills a new card from the population register on entry', async () => {
    const db = suite.server.database.db;
    const { differences } = simulatedPeople(await databaseSources(db));
    const children = await db
      .selectFrom('children')
      .select(['id', 'personalCode', 'givenNames', 'surname', 'birthDate', 'sex'])
      .where('personalCode', 'is not', null)
      .where('personalCode', 'not in', Object.values(differences) as string[])
      .orderBy('id')
      .limit(2)
      .execute();
    const [person, existing] = children as [(typeof children)[0], (typeof children)[0]];
    // The register (the server's simulator, started on this database) still knows the person;
    // our register no longer has the code: as for a child entered for the first time.
    await db
      .updateTable('children')
      .set({ personalCode: null })
      .where('id', '=', person.id)
      .execute();
    const shot = shotOf(page);
    const fillButton = page.getByRole('button', { name: 'Aizpildīt no Iedzīvotāju reģistra' });
    const dialog = page.getByTestId('register-entry');

    // A code already in the register: the dialog says so and links to that card.
    await page.goto(`${suite.server.url}/#/children/create`);
    await page.locator('input[name="personalCode"]').fill(existing.personalCode!);
    await fillButton.click();
    const duplicate = dialog.getByTestId('register-entry-duplicate');
    await duplicate.getByText(/Bērns ar šo personas kodu reģistrā jau ir/).waitFor();
    expect(
      await duplicate.getByRole('link', { name: 'Atvērt esošo ierakstu' }).getAttribute('href'),
    ).toBe(`#/children/${existing.id}/show`);
    await dialog.getByRole('button', { name: 'Atcelt' }).click();

    // No button while the code is not a valid one.
    const code = person.personalCode!;
    await page.locator('input[name="personalCode"]').fill(code.slice(0, 10));
    await page.locator('input[name="surname"]').click();
    expect(await fillButton.count()).toBe(0);

    // A surname typed with a slip; the rest empty.
    const slip = person.surname.slice(0, -1);
    await page.locator('input[name="surname"]').fill(slip);
    await page.locator('input[name="personalCode"]').fill(code);
    await fillButton.click();
    await dialog
      .getByTestId('register-entry-state')
      .getByText(/atbilde \d{2}\.\d{2}\.\d{4}/)
      .waitFor();
    const row = (field: string) => dialog.getByTestId(`register-entry-field-${field}`);
    expect(await row('surname').innerText()).toContain(slip);
    expect(await row('surname').innerText()).toContain(person.surname);
    expect(await row('birthDate').innerText()).toContain(lvDate(person.birthDate));
    for (const field of ['surname', 'givenNames', 'sex', 'birthDate']) {
      expect(await row(field).getByRole('checkbox').isChecked()).toBe(true);
    }
    await shot('entry');
    await dialog.getByRole('button', { name: 'Aizpildīt', exact: true }).click();
    await page.getByText('Atzīmētie lauki aizpildīti no Iedzīvotāju reģistra').waitFor();
    expect(await page.locator('input[name="surname"]').inputValue()).toBe(person.surname);
    expect(await page.locator('input[name="givenNames"]').inputValue()).toBe(person.givenNames);
    expect(await page.locator('input[name="birthDate"]').inputValue()).toBe(
      lvDate(person.birthDate),
    );
    expect(await page.locator('input[name="sex"]').inputValue()).toBe(person.sex);
    await shot('entry-filled');
  });
});
