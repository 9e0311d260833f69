import type { Page } from 'playwright-core';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  newConsolePage,
  screenshots,
  signIn,
} from './browser';
import { signInWithEnrolment } from './mfa';

// Change requests in real Chromium on the demo data: a care institution proposes changes of its
// child's health and development, the specialist finds the request in the inbox and accepts it
// field by field, and the proposer sees the outcome with the specialist's comment.

const shotOf = screenshots('change-requests', { fromTop: true });

(browserAvailable ? describe : describe.skip)('change requests in Chromium', () => {
  const suite = consoleSuite();
  let institution: Page;
  let specialist: Page;
  let child: { id: number; health: string | null; development: string | null };
  let requestUrl: string;
  const newHealth = 'Astma, kontrolēta; inhalators pēc vajadzības.';
  const newTreatment = 'Pulmonologa kontrole reizi pusgadā.';
  const newDevelopment = 'Lasa brīvi, patīk zīmēt.';

  beforeAll(async () => {
    const user = await suite.server.database.db
      .selectFrom('users')
      .select('careProviderId')
      .where('username', '=', 'iestade')
      .executeTakeFirstOrThrow();
    child = await suite.server.database.db
      .selectFrom('children')
      .select(['id', 'health', 'development'])
      .where('careProviderId', '=', user.careProviderId!)
      .orderBy('id')
      .executeTakeFirstOrThrow();
  }, 120_000);

  const newPage = () => newConsolePage(suite.browser, 'change-requests');

  it('a care institution proposes health and development changes; the card is unchanged', async () => {
    institution = await newPage();
    const shot = shotOf(institution);
    await institution.goto(suite.server.url);
    await signIn(institution, 'iestade', E2E_PASSWORD);

    await institution.goto(
      `${suite.server.url}/#/change-requests/create?resource=children&recordId=${child.id}`,
    );
    const health = institution.locator('textarea[name="health"]');
    await health.waitFor();
    // Only the fields a care institution answers for: no religion, no birth family, no name.
    expect(await institution.locator('[name="religion"]').count()).toBe(0);
    expect(await institution.locator('[name="surname"]').count()).toBe(0);
    await health.fill(newHealth);
    await institution.locator('textarea[name="furtherTreatment"]').fill(newTreatment);
    await institution.locator('textarea[name="development"]').fill(newDevelopment);
    await institution
      .locator('textarea[name="proposalComment"]')
      .fill('Pēc ģimenes ārsta apskates 12. janvārī.');
    await shot('01-propose');
    await institution.getByRole('button', { name: 'Nosūtīt speciālistam' }).click();
    await institution.waitForURL(/#\/change-requests\/\d+\/show$/);
    requestUrl = institution.url();
    await institution.getByText('Gaida lēmumu').first().waitFor();
    await institution.getByText(newHealth).waitFor();
    await shot('02-sent');

    const card = await suite.server.database.db
      .selectFrom('children')
      .select(['health', 'development'])
      .where('id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(card).toEqual({ health: child.health, development: child.development });
  });

  it('the specialist finds it in the inbox and accepts two of the three fields', async () => {
    specialist = await newPage();
    const shot = shotOf(specialist);
    await specialist.goto(suite.server.url);
    await signInWithEnrolment(specialist, 'specialiste', E2E_PASSWORD);
    await specialist.goto(`${suite.server.url}/#/change-requests`);
    const row = specialist.locator('table tbody tr', { hasText: 'Gunta Ozola' }).first();
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toMatch(/Gaida lēmumu/);
    expect(await row.innerText()).toMatch(/Veselības stāvoklis/);
    await shot('03-inbox');

    await row.click();
    await specialist.waitForURL(/#\/change-requests\/\d+\/show$/);
    expect(specialist.url()).toBe(requestUrl);
    const table = specialist.getByTestId('change-request-fields');
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain(newHealth);
    expect(text).toContain(child.health ?? '—');
    // Every field ticked at first; the specialist leaves the development out.
    await specialist.getByRole('checkbox', { name: 'Attīstība' }).uncheck();
    await specialist
      .getByLabel('Komentārs iesniedzējam (nav obligāts)')
      .fill('Attīstības aprakstu lūdzu papildināt ar skolas vērtējumu.');
    await shot('04-field-by-field');
    await specialist.getByRole('button', { name: 'Pieņemt atzīmētos (2)' }).click();
    await specialist.getByText('Daļēji pieņemts').first().waitFor();
    await shot('05-decided');

    const card = await suite.server.database.db
      .selectFrom('children')
      .select(['health', 'furtherTreatment', 'development'])
      .where('id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(card).toEqual({
      health: newHealth,
      furtherTreatment: newTreatment,
      development: child.development,
    });
  });

  it('the proposer sees the outcome and the comment', async () => {
    const shot = shotOf(institution);
    await institution.goto(`${suite.server.url}/#/change-requests`);
    const row = institution.locator('table tbody tr').first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Daļēji pieņemts/);
    await institution.goto(requestUrl);
    await institution.getByText('Attīstības aprakstu lūdzu papildināt').waitFor();
    const table = await institution.getByTestId('change-request-fields').innerText();
    expect(table).toMatch(/Nav pieņemts/);
    await shot('06-proposer-outcome');
  });

  it("an orphan court sends a new child's record sheet; the child waits for the specialist", async () => {
    const court = await suite.server.database.db
      .selectFrom('users as u')
      .innerJoin('orphanCourts as c', 'c.id', 'u.orphanCourtId')
      .select(['c.id', 'c.name'])
      .where('u.username', '=', 'barintiesa')
      .executeTakeFirstOrThrow();
    const page = await newPage();
    const shot = shotOf(page);
    await page.goto(suite.server.url);
    await signIn(page, 'barintiesa', E2E_PASSWORD);

    await page.goto(`${suite.server.url}/#/change-requests/create?kind=create`);
    await page.locator('input[name="surname"]').fill('Ābeltiņa');
    await page.locator('input[name="givenNames"]').fill('Sniedze');
    await page.getByRole('combobox', { name: 'Dzimums' }).click();
    await page.getByRole('option', { name: 'Sieviešu' }).click();
    await page.locator('input[name="birthDate"]').fill('2018-06-21');
    await page.getByRole('combobox', { name: 'Pilsonība' }).click();
    await page.getByRole('option', { name: 'Latvijas pilsonis' }).click();
    await page.getByRole('tab', { name: /Aprūpe/ }).click();
    await page.getByRole('combobox', { name: 'Ārpusģimenes aprūpes veids' }).click();
    await page.getByRole('option', { name: 'Audžuģimene' }).click();
    await page.getByRole('combobox', { name: 'Bāriņtiesa' }).fill(court.name);
    await page.getByRole('option', { name: court.name }).click();
    await page.locator('input[name="careDecisionNumber"]').fill('BT-2026/12');
    await page.locator('input[name="careDecisionDate"]').fill('2026-01-08');
    await shot('07-new-child-sheet');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.waitForURL(/#\/change-requests\/\d+\/show$/);
    await page.getByText('Gaida lēmumu').first().waitFor();
    await page.getByText('Ābeltiņa').first().waitFor();
    await shot('08-new-child-sent');

    const inRegister = await suite.server.database.db
      .selectFrom('children')
      .select('id')
      .where('surname', '=', 'Ābeltiņa')
      .execute();
    expect(inRegister).toEqual([]);
    const request = await suite.server.database.db
      .selectFrom('changeRequests')
      .select(['kind', 'orphanCourtId', 'status'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ kind: 'create', orphanCourtId: court.id, status: 'pending' });
  });
});
