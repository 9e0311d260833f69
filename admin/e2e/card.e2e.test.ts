import type { Page } from 'playwright-core';
import type { RunningServer } from '../../backend/src/server';
import { validatePersonalCode } from '../../backend/src/latvian/personal-code';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  lvDate,
  newConsolePage,
  screenshots,
} from './browser';
import { signInWithEnrolment } from './mfa';

// The child's card as a specialist fills it in, in real Chromium on the demo data: a new card
// through the tabbed form (identity with diacritics, placement, a health condition, a relative),
// saved with Ctrl+S, found by a search without diacritics, its history timeline; consent before
// the 12th birthday refused by the form and by the API, under the input, in Latvian; two people
// editing one card at once (409), merged field by field in the conflict dialog.

const shotOf = screenshots('card');

/** A free old-format personal code for the birth date, with a valid check digit. */
async function freePersonalCode(server: RunningServer, birthDate: string): Promise<string> {
  const [y, m, d] = birthDate.split('-');
  const prefix = `${d}${m}${y!.slice(2)}${Number(y) >= 2000 ? 2 : 1}`;
  for (let serial = 100; serial < 1000; serial++) {
    for (let check = 0; check < 10; check++) {
      const code = `${prefix}${serial}${check}`;
      if (!validatePersonalCode(code, { birthDate }).ok) continue;
      const taken = await server.database.db
        .selectFrom('children')
        .select('id')
        .where('personalCode', '=', code)
        .executeTakeFirst();
      if (!taken) return code;
    }
  }
  throw new Error(`no free personal code for ${birthDate}`);
}

/** A react-admin select or autocomplete by its label, then the option. */
async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

// Tab labels are upper-cased by CSS only.
const tabNames = async (page: Page) =>
  (await page.getByRole('tab').allInnerTexts()).map((t) => t.trim().toLowerCase());

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

(browserAvailable ? describe : describe.skip)('the child card in Chromium', () => {
  const suite = consoleSuite();
  let page: Page;
  let shot: (name: string) => Promise<unknown>;
  let childId: number;
  const born = '2015-03-15';
  let code: string;

  beforeAll(async () => {
    page = await newConsolePage(suite.browser, 'card');
    shot = shotOf(page);
    code = await freePersonalCode(suite.server, born);
    await page.goto(suite.server.url);
    await signInWithEnrolment(page, 'specialiste', E2E_PASSWORD);
  }, 120_000);

  it('enters a new card through the form and saves it with Ctrl+S', async () => {
    await page.goto(`${suite.server.url}/#/children/create`);
    await page.locator('input[name="surname"]').waitFor();
    // A new card: the record sheet's tabs, no history yet.
    expect(await tabNames(page)).toEqual([
      'bērns',
      'aprūpe un juridiskais statuss',
      'veselība',
      'attīstība un personība',
      'bioloģiskā ģimene',
      'reliģija',
      'adopcija',
    ]);
    await page.locator('input[name="surname"]').fill('Ozoliņš');
    await page.locator('input[name="givenNames"]').fill('Ēriks');
    await pick(page, 'Dzimums', 'Vīriešu');
    await page.locator('input[name="birthDate"]').fill('15.03.2015');
    await page.locator('input[name="personalCode"]').fill(code);
    await pick(page, 'Pilsonība', 'Latvijas pilsonis');
    expect(await page.locator('input[name="personalCode"]').inputValue()).toBe(
      `${code.slice(0, 6)}-${code.slice(6)}`,
    );
    await shot('01-create-identity');

    await tab(page, 'Aprūpe un juridiskais statuss').click();
    await page.locator('input[name="recordSheetReceivedOn"]').fill('01.02.2024');
    await pick(page, 'Ārpusģimenes aprūpes veids', 'Audžuģimene');
    await pick(page, 'Bāriņtiesa', /.+/);
    await page.locator('input[name="careDecisionNumber"]').fill('BT-2024/31');
    await page.locator('input[name="careDecisionDate"]').fill('10.01.2024');
    await shot('02-create-placement');

    await tab(page, 'Veselība').click();
    await page.locator('textarea[name="health"]').fill('Kopumā vesels, alerģija pret riekstiem.');
    await page
      .locator('.ra-input-healthConditions')
      .getByRole('button', { name: 'Pievienot' })
      .click();
    await page.locator('input[name="healthConditions.0.condition"]').fill('Bronhiālā astma');
    await page.locator('input[name="healthConditions.0.icd10"]').fill('j45.0');
    await page.locator('input[name="healthConditions.0.since"]').fill('01.04.2019');
    await shot('03-create-health');

    await tab(page, 'Bioloģiskā ģimene').click();
    const relatives = page.locator('.ra-input-relatives');
    await relatives.getByRole('button', { name: 'Pievienot' }).click();
    await relatives.getByRole('combobox', { name: 'Radniecība' }).click();
    await page.getByRole('option', { name: 'Māte' }).click();
    await page.locator('input[name="relatives.0.surname"]').fill('Ozoliņa');
    await page.locator('input[name="relatives.0.givenNames"]').fill('Inese');
    await page.locator('input[name="relatives.0.birthDate"]').fill('02.06.1991');
    await page.locator('input[name="relatives.0.residence"]').fill('Jelgava');
    await shot('04-create-birth-family');

    // Ctrl+S saves as the button does, without the browser's own "save page" dialog.
    await page.keyboard.press('Control+s');
    await page.waitForURL(/#\/children\/\d+\/show/);
    childId = Number(/children\/(\d+)\/show/.exec(page.url())![1]);
    const saved = await suite.server.database.db
      .selectFrom('children')
      .selectAll()
      .where('id', '=', childId)
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({
      surname: 'Ozoliņš',
      givenNames: 'Ēriks',
      personalCode: code,
      careForm: 'foster_family',
      healthConditions: [
        { condition: 'Bronhiālā astma', icd10: 'J45.0', since: '2019-04-01', treatment: null },
      ],
      relatives: [
        {
          kind: 'mother',
          surname: 'Ozoliņa',
          givenNames: 'Inese',
          birthDate: '1991-06-02',
          residence: 'Jelgava',
          note: null,
        },
      ],
    });
  });

  it('finds the child by "eriks ozolins" and shows the card with its history', async () => {
    await page.getByRole('menuitem', { name: 'Bērni', exact: true }).click();
    await page.waitForURL(/#\/children(\?|$)/);
    await page.locator('input[name="q"]').fill('eriks ozolins');
    const row = page.locator('table tbody tr', { hasText: '15.03.2015' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Ozoliņš/);
    expect(await row.innerText()).toMatch(/Ēriks/);
    await shot('05-search-without-diacritics');
    await row.click();
    await page.waitForURL(new RegExp(`#/children/${childId}/show`));
    await tab(page, 'Vēsture').waitFor();
    const card = await page.locator('main').innerText();
    expect(card).toContain(`${code.slice(0, 6)}-${code.slice(6)}`);
    expect(card).toContain('15.03.2015');
    // The age is short on the card, the birthday-based detail in its tooltip.
    const age = page.getByTestId('child-age').first();
    expect((await age.innerText()).trim()).toBe('11 g.');
    expect(await age.getAttribute('title')).toMatch(/11 gadi; 12 gadi aprit 15\.03\.2027/);
    await shot('06-card-identity');

    await tab(page, 'Veselība').click();
    // (The same fields wait, hidden, in the printed layout.)
    const screen = page.locator('.card-tabs');
    await screen.getByText('Bronhiālā astma').waitFor();
    expect(await screen.innerText()).toContain('J45.0');
    await shot('07-card-health');
    await tab(page, 'Bioloģiskā ģimene').click();
    await screen.getByText('Inese').waitFor();
    expect(await screen.innerText()).toMatch(/Māte/);
    await shot('08-card-birth-family');

    await tab(page, 'Vēsture').click();
    const entry = page.getByTestId('history-entry').first();
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toMatch(/Ilze Bērziņa/);
    expect(text).toMatch(/Izveidots/);
    expect(text).toMatch(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    await entry.getByText(/Ievadīti \d+ lauki/).click();
    await entry.getByText(/Radinieki: \+1, −0, mainīti 0/).waitFor();
    await shot('09-card-history');
  });

  it('prints the card with every group and without the menu', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(300);
    const printed = await page.locator('main').innerText();
    expect(printed).toMatch(/Izdrukāts/);
    for (const heading of ['Veselība', 'Bioloģiskā ģimene', 'Adopcija', 'Reliģija'])
      expect(printed).toContain(heading);
    expect(await page.getByRole('menuitem', { name: 'Bērni', exact: true }).isVisible()).toBe(
      false,
    );
    await shot('10-card-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens the form only with the whole record, never with the list row (without the sub-lists), and keeps them on save', async () => {
    // A fresh console (the record cache empty; the session survives a reload), then the list puts
    // this child's row — without health conditions and relatives — in the cache.
    await page.goto(`${suite.server.url}/#/children`);
    await page.reload();
    await page.locator('input[name="q"]').fill('eriks ozolins');
    await page.locator('table tbody tr', { hasText: '15.03.2015' }).waitFor();
    // The card's own read of the record is held back.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const own = new RegExp(`/api/children/${childId}$`);
    await page.route(own, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${suite.server.url}/#/children/${childId}`);
    await page.waitForTimeout(1500);
    // No form from the list row: it waits for the whole record.
    expect(await page.locator('input[name="surname"]').count()).toBe(0);
    release();
    await page.locator('input[name="surname"]').waitFor();
    await page.unroute(own);
    await tab(page, 'Veselība').click();
    expect(await page.locator('input[name="healthConditions.0.condition"]').inputValue()).toBe(
      'Bronhiālā astma',
    );
    const db = suite.server.database.db;
    const read = () =>
      db
        .selectFrom('children')
        .select(['version', 'healthConditions', 'relatives'])
        .where('id', '=', childId)
        .executeTakeFirstOrThrow();
    const before = await read();
    await tab(page, 'Attīstība un personība').click();
    await page.locator('textarea[name="development"]').fill('Runā pilnos teikumos.');
    await page.keyboard.press('Control+s');
    await page.waitForURL(new RegExp(`#/children/${childId}/show`));
    const after = await read();
    expect(after.version).toBe(before.version + 1);
    expect(after.healthConditions).toEqual(before.healthConditions);
    expect(after.relatives).toEqual(before.relatives);
    expect(after.relatives.length).toBeGreaterThan(0);
  });

  it('refuses consent before the 12th birthday, in the form and from the API', async () => {
    await page.goto(`${suite.server.url}/#/children/${childId}`);
    await page.locator('input[name="surname"]').waitFor();
    await tab(page, 'Adopcija').click();
    expect(await page.getByTestId('consent-hint').innerText()).toMatch(
      /no 12 gadu vecuma\. 11 gadi; 12 gadi aprit 15\.03\.2027/,
    );
    await page.getByRole('radio', { name: 'Piekrīt adopcijai', exact: true }).check();
    await page.locator('input[name="consentDate"]').fill('01.06.2026');
    await page.keyboard.press('Control+s');
    const message = 'Piekrišanu reģistrē no 12 gadu vecuma (bērnam 12 gadi aprit 15.03.2027)';
    await page.getByText(message).waitFor();
    await shot('11-consent-checked-in-form');
  });

  it("shows the API's refusal of an early consent under the input", async () => {
    // The API's own answer: a child of 12 or more, the request's date moved before the birthday on
    // the way (standing for a client that skipped the form's check). It lands under the input.
    const older = await suite.server.database.db
      .selectFrom('children')
      .select(['id', 'birthDate'])
      .where('birthDate', '<', '2012-01-01')
      .where('birthDate', '>', '2009-01-01')
      .where('status', 'not in', ['adopted', 'withdrawn'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const [y, m, d] = older.birthDate.split('-');
    const twelfth = `${Number(y) + 12}-${m}-${d}`;
    const dayBefore = new Date(Date.parse(`${twelfth}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    await page.route(`**/api/children/${older.id}`, async (route) => {
      const request = route.request();
      if (request.method() !== 'PUT') return route.continue();
      const body = JSON.parse(request.postData() ?? '{}') as Record<string, unknown>;
      return route.continue({ postData: JSON.stringify({ ...body, consentDate: dayBefore }) });
    });
    page.once('dialog', (dialog) => void dialog.accept()); // leaving the unsaved card
    await page.goto(`${suite.server.url}/#/children/${older.id}`);
    await page.locator('input[name="surname"]').waitFor();
    await tab(page, 'Adopcija').click();
    // Refused keeps a child who does not wish to be adopted consistent.
    await page.getByRole('radio', { name: 'Nepiekrīt adopcijai', exact: true }).check();
    await page.locator('input[name="consentDate"]').fill(lvDate(twelfth));
    // The form's own check passes (from the birthday on): only the API can refuse now.
    const answer = page.waitForResponse(
      (r) => r.url().endsWith(`/api/children/${older.id}`) && r.request().method() === 'PUT',
    );
    await page.keyboard.press('Control+s');
    await shot('12a-consent-sent');
    const response = await answer;
    expect(response.status()).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/consent_under_12/);
    const lv = `${d}.${m}.${Number(y) + 12}`;
    const underInput = page
      .locator('.MuiFormControl-root', { has: page.locator('input[name="consentDate"]') })
      .getByText(`Piekrišanu reģistrē no 12 gadu vecuma (bērnam 12 gadi aprit ${lv})`);
    await underInput.waitFor();
    await shot('12-consent-refused-by-api');
    await page.unroute(`**/api/children/${older.id}`);
  });

  it("merges two people's edits of one card after a 409, field by field", async () => {
    // The head of department opens the same card in another browser.
    const other = await suite.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'lv-LV',
    });
    const head = await other.newPage();
    head.setDefaultTimeout(15_000);
    await head.goto(suite.server.url);
    await signInWithEnrolment(head, 'vaditaja', E2E_PASSWORD);

    page.once('dialog', (dialog) => void dialog.accept()); // leaving the unsaved card
    await page.goto(`${suite.server.url}/#/children/${childId}`);
    await page.locator('input[name="surname"]').waitFor();
    await head.goto(`${suite.server.url}/#/children/${childId}`);
    await head.locator('input[name="surname"]').waitFor();
    const before = await suite.server.database.db
      .selectFrom('children')
      .select('version')
      .where('id', '=', childId)
      .executeTakeFirstOrThrow();

    // She saves first: health and the legal status note.
    await tab(head, 'Veselība').click();
    await head.locator('textarea[name="health"]').fill('Astma kontrolēta, lieto inhalatoru.');
    await tab(head, 'Aprūpe un juridiskais statuss').click();
    await head.locator('textarea[name="legalStatusNote"]').fill('Tēva aizgādība izbeigta 2024.');
    await head.getByRole('button', { name: 'Saglabāt' }).click();
    await head.waitForURL(/#\/children\/\d+\/show/);

    // The specialist, still on the version she loaded: health too, and the personality.
    await tab(page, 'Veselība').click();
    await page.locator('textarea[name="health"]').fill('Astma, alerģija pret riekstiem.');
    await tab(page, 'Attīstība un personība').click();
    await page.locator('textarea[name="personality"]').fill('Zinātkārs, mīl zīmēt.');
    await page.keyboard.press('Control+s');
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.getByText('Kāds cits jau saglabāja šo ierakstu').waitFor();
    await dialog.getByText(/Māra Kalniņa saglabāja/).waitFor();
    const health = dialog.getByTestId('conflict-health');
    expect(await health.innerText()).toMatch(/Mainījāt abi/);
    expect(await health.innerText()).toContain('Astma kontrolēta, lieto inhalatoru.');
    expect(await health.innerText()).toContain('Astma, alerģija pret riekstiem.');
    // Only what she changed is offered; the note she did not touch is taken as hers.
    expect(await dialog.getByTestId('conflict-legalStatusNote').innerText()).toContain(
      'Tēva aizgādība izbeigta 2024.',
    );
    expect(await dialog.getByTestId('conflict-personality').count()).toBe(0);
    expect(
      await dialog
        .getByRole('radio', { name: 'Piezīmes par juridisko statusu: Citas personas' })
        .isChecked(),
    ).toBe(true);
    await shot('13-conflict-dialog');

    // Keep the other person's health text, and the rest of one's own.
    await dialog.getByRole('radio', { name: 'Veselības stāvoklis: Citas personas' }).check();
    await dialog.getByTestId('conflict-save').click();
    await page.waitForURL(/#\/children\/\d+\/show/);
    // The router keeps the form on screen until the card has rendered: wait for the card.
    await page.locator('.card-tabs').waitFor();
    const merged = await suite.server.database.db
      .selectFrom('children')
      .select(['version', 'health', 'personality', 'legalStatusNote'])
      .where('id', '=', childId)
      .executeTakeFirstOrThrow();
    expect(merged).toEqual({
      version: before.version + 2,
      health: 'Astma kontrolēta, lieto inhalatoru.',
      personality: 'Zinātkārs, mīl zīmēt.',
      legalStatusNote: 'Tēva aizgādība izbeigta 2024.',
    });

    await tab(page, 'Vēsture').click();
    await page.getByTestId('history-entry').nth(1).waitFor();
    const entries = await page.getByTestId('history-entry').allInnerTexts();
    expect(entries[0]).toMatch(/Ilze Bērziņa[\s\S]*Labots[\s\S]*Personības raksturojums/);
    expect(entries[1]).toMatch(/Māra Kalniņa[\s\S]*Labots[\s\S]*Veselības stāvoklis/);
    await shot('14-history-after-merge');
    await other.close();
  });

  it('edits an adopter: wishes, the foreign adopter tab, a refused child', async () => {
    const adopter = await suite.server.database.db
      .selectFrom('adopters')
      .select(['id', 'surname', 'enteredOn'])
      .where('origin', '=', 'latvian')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const offered = await suite.server.database.db
      .selectFrom('children')
      .select(['id', 'surname', 'givenNames'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    page.once('dialog', (dialog) => void dialog.accept()); // in case a card was left unsaved
    await page.goto(`${suite.server.url}/#/adopters/${adopter.id}`);
    await page.locator('input[name="surname"]').waitFor();
    expect(await tabNames(page)).not.toContain('ārvalstu adoptētājs');
    await pick(page, 'Adoptētāja veids', 'Ārvalstu adoptētājs');
    await tab(page, 'Ārvalstu adoptētājs').click();
    await page.getByRole('combobox', { name: 'Valsts' }).fill('Norv');
    await page.getByRole('option', { name: /Norvēģija/ }).click();
    await page.locator('input[name="foreignAuthority"]').fill('Bufdir, Oslo');
    await page.locator('input[name="homeStudyReportDate"]').fill('05.09.2025');
    await shot('15-adopter-foreign');

    await tab(page, 'Vēlmes').click();
    await page.locator('input[name="wishedAgeFrom"]').fill('2');
    await page.locator('input[name="wishedAgeTo"]').fill('6');
    const chronic = page.locator('tr[data-need="chronic_illness"]');
    await chronic.getByRole('button', { name: 'Varētu apsvērt' }).click();
    await chronic
      .locator('input[name="needWishes.chronic_illness.note"]')
      .fill('Pēc sarunas ar ārstu.');
    await shot('16-adopter-wishes');

    await tab(page, 'Atteikumi').click();
    const refusals = page.locator('.ra-input-refusals');
    await refusals.getByRole('button', { name: 'Pievienot' }).click();
    const rows = await refusals.locator('input[name$=".refusedOn"]').count();
    const last = rows - 1;
    await page.locator(`input[name="refusals.${last}.refusedOn"]`).fill('10.11.2026');
    const child = refusals.getByRole('combobox', { name: 'Piedāvātais bērns' }).nth(last);
    await child.fill(offered.surname);
    await page
      .getByRole('option', { name: new RegExp(`${offered.surname} ${offered.givenNames}`) })
      .first()
      .click();
    await page
      .locator(`textarea[name="refusals.${last}.reason"]`)
      .fill('Ģimene nav gatava bērnam ar hronisku slimību.');
    await shot('17-adopter-refusal');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/#\/adopters\/\d+\/show/);
    await page.locator('.card-tabs').waitFor();

    const saved = await suite.server.database.db
      .selectFrom('adopters')
      .select([
        'origin',
        'foreignAuthority',
        'wishedAgeFrom',
        'wishedAgeTo',
        'needWishes',
        'refusals',
      ])
      .where('id', '=', adopter.id)
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({
      origin: 'foreign',
      foreignAuthority: 'Bufdir, Oslo',
      wishedAgeFrom: 2,
      wishedAgeTo: 6,
    });
    expect(saved.needWishes).toContainEqual({
      need: 'chronic_illness',
      answer: 'consider',
      note: 'Pēc sarunas ar ārstu.',
    });
    expect(saved.refusals.at(-1)).toEqual({
      refusedOn: '2026-11-10',
      childId: offered.id,
      reason: 'Ģimene nav gatava bērnam ar hronisku slimību.',
    });
    await tab(page, 'Ārvalstu adoptētājs').click();
    await page.locator('.card-tabs').getByText('Bufdir, Oslo').waitFor();
    await tab(page, 'Vēsture').click();
    const entry = page.getByTestId('history-entry').first();
    await entry.getByText(/Atteikumi: \+1, −0, mainīti 0/).waitFor();
    expect(await entry.innerText()).toMatch(
      /Adoptētāja veids: Latvijas adoptētājs\s*→\s*Ārvalstu adoptētājs/,
    );
    await shot('18-adopter-history');
  });

  it('shows the card in English too, without a raw translation key', async () => {
    await page.evaluate(() => localStorage.setItem('adoption-register.locale', 'en'));
    await page.goto(`${suite.server.url}/#/children/${childId}/show/adoption`);
    await page.reload();
    await page.getByRole('tab', { name: 'History', exact: true }).waitFor();
    await page.locator('.card-tabs').getByText('Consent to adoption').waitFor();
    expect(await tabNames(page)).toEqual(
      expect.arrayContaining(['child', 'care and legal status', 'health', 'adoption', 'history']),
    );
    for (const path of ['', 'placement', 'health', 'birth-family', 'adoption', 'history']) {
      await page.goto(`${suite.server.url}/#/children/${childId}/show${path ? `/${path}` : ''}`);
      await page.locator('.card-tabs').waitFor();
      await page.waitForTimeout(300);
      expect(await page.locator('main').innerText()).not.toMatch(/\b(app|resources|ra)\.[a-z_]+\./);
    }
    await shot('19-card-english-history');
    await page.goto(`${suite.server.url}/#/children/${childId}`);
    await page.locator('input[name="surname"]').waitFor();
    await tab(page, 'Adoption').click();
    expect(await page.locator('main').innerText()).not.toMatch(/\b(app|resources|ra)\.[a-z_]+\./);
    expect(await page.locator('input[name="consentDate"]').getAttribute('placeholder')).toBe(
      'DD.MM.YYYY',
    );
    await shot('20-card-english-form');
    await page.evaluate(() => localStorage.setItem('adoption-register.locale', 'lv'));
  });
});
