import type { Page } from 'playwright-core';
import { rigaToday } from '@adoption/model';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  lvDate,
  newConsolePage,
  screenshots,
} from './browser';
import { signInWithEnrolment } from './mfa';

// The adoption process in real Chromium on the demo data: a draft offer (as a selection leaves
// it) is sent to the adopter and accepted to meet from the offer page; the child's and the
// adopter's statuses follow, the answer deadline appears and is fulfilled; a specialist's
// override request is approved by the head of department and shown with its reason.

const shotOf = screenshots('offers', { fromTop: true });
const today = rigaToday();

(browserAvailable ? describe : describe.skip)('offers in Chromium', () => {
  const suite = consoleSuite();
  let specialist: Page;
  let offerId: number;
  let childId: number;
  let adopterId: number;
  let specialistId: number;

  beforeAll(async () => {
    const db = suite.server.database.db;
    specialistId = (
      await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'specialiste')
        .executeTakeFirstOrThrow()
    ).id;
    const child = await db
      .selectFrom('children')
      .select('id')
      .where('status', '=', 'available')
      .where('siblingGroupId', 'is', null)
      .where((eb) => eb.or([eb('consent', '=', 'given'), eb('birthDate', '>', '2016-01-01')]))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const adopter = await db
      .selectFrom('adopters')
      .select('id')
      .where('status', '=', 'waiting')
      .where('origin', '=', 'latvian')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    childId = child.id;
    adopterId = adopter.id;
    // A draft as the selection's "propose" leaves it.
    const offer = await db
      .insertInto('offers')
      .values({ adopterId, createdBy: specialistId })
      .returning('id')
      .executeTakeFirstOrThrow();
    offerId = offer.id;
    await db.insertInto('offerChildren').values({ offerId, childId }).execute();
    await db
      .insertInto('offerEvents')
      .values({ offerId, toStatus: 'draft', happenedOn: today, createdBy: specialistId })
      .execute();
  }, 120_000);

  const statusOf = async (table: 'children' | 'adopters', id: number) =>
    (
      await suite.server.database.db
        .selectFrom(table as 'children')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  it('the specialist finds the draft in the offers list and sends the information', async () => {
    specialist = await newConsolePage(suite.browser, 'offers');
    const shot = shotOf(specialist);
    await specialist.goto(suite.server.url);
    await signInWithEnrolment(specialist, 'specialiste', E2E_PASSWORD);
    await specialist.getByRole('menuitem', { name: 'Piedāvājumi' }).click();
    const row = specialist.locator('table tbody tr', { hasText: 'Sagatave' }).first();
    await row.waitFor({ timeout: 20_000 });
    await shot('01-list');
    await row.click();
    await specialist.waitForURL(new RegExp(`#/offers/${offerId}/show$`));
    await specialist.getByText(`Piedāvājums Nr. ${offerId}`).first().waitFor();
    // Exactly the moves a draft allows (the buttons come with the permissions).
    await specialist.locator('[data-move="withdrawn"]').waitFor();
    expect(
      await specialist
        .locator('[data-move]')
        .evaluateAll((b) => b.map((e) => e.getAttribute('data-move'))),
    ).toEqual(['sent', 'withdrawn']);
    await shot('02-draft');

    await specialist.locator('[data-move="sent"]').click();
    const dialog = specialist.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.locator('input[name="on"]').inputValue()).toBe(lvDate(today));
    await shot('03-send-dialog');
    await dialog.getByRole('button', { name: 'Saglabāt' }).click();
    await dialog.waitFor({ state: 'detached' });
    await specialist.locator('[data-move="accepted_to_meet"]').waitFor();
    await specialist.getByText('Adoptētāja atbilde').waitFor();
    await shot('04-sent');
    expect(await statusOf('children', childId)).toBe('offered');
    expect(await statusOf('adopters', adopterId)).toBe('information_received');
  });

  it('a withdrawal needs a reason; accepted to meet moves both to acquaintance', async () => {
    const shot = shotOf(specialist);
    await specialist.locator('[data-move="withdrawn"]').click();
    const dialog = specialist.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Saglabāt' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Atcelt' }).click();
    await dialog.waitFor({ state: 'detached' });

    await specialist.locator('[data-move="accepted_to_meet"]').click();
    await specialist.getByRole('dialog').getByRole('button', { name: 'Saglabāt' }).click();
    await specialist.locator('[data-move="meeting_referral_issued"]').waitFor();
    const timeline = await specialist.locator('table').first().innerText();
    expect(timeline).toContain('Piekrīt iepazīties');
    expect(timeline).toContain(lvDate(today));
    await specialist.getByText('Izpildīts').first().waitFor();
    await shot('05-accepted');
    expect(await statusOf('children', childId)).toBe('getting_acquainted');
    expect(await statusOf('adopters', adopterId)).toBe('getting_acquainted');
  });

  it("the list filters by state; the adopter's page shows the refusals counted", async () => {
    const shot = shotOf(specialist);
    await specialist.goto(
      `${suite.server.url}/#/offers?filter=${encodeURIComponent(JSON.stringify({ status: 'accepted_to_meet' }))}`,
    );
    await specialist.locator('table tbody tr', { hasText: 'Piekrīt iepazīties' }).first().waitFor();
    await shot('06-list-filtered');

    // A refusal without a reason on the adopter's record: the panel counts it.
    await suite.server.database.db
      .updateTable('adopters')
      .set({
        refusals: JSON.stringify([{ refusedOn: '2026-01-15', childId: null, reason: '' }]),
      })
      .where('id', '=', adopterId)
      .execute();
    await specialist.goto(`${suite.server.url}/#/adopters/${adopterId}/show`);
    await specialist.getByRole('tab', { name: 'Atteikumi' }).click();
    const panel = specialist.getByTestId('refusals-panel').first();
    await panel.waitFor();
    expect(await panel.innerText()).toContain('bez pamatojuma 1');
    await shot('07-refusals-panel');
  });

  it('the head of department approves an override request, shown with its reason', async () => {
    const db = suite.server.database.db;
    const other = await db
      .selectFrom('adopters')
      .select('id')
      .where('status', '=', 'waiting')
      .where('id', '!=', adopterId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const request = await db
      .insertInto('overrideRequests')
      .values({
        adopterId: other.id,
        childIds: JSON.stringify([childId]),
        reason: 'Bērna vecums vēlmes pārsniedz tikai par gadu; ģimene ir gatava.',
        requestedBy: specialistId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const head = await newConsolePage(suite.browser, 'offers-head');
    const shot = shotOf(head);
    await head.goto(suite.server.url);
    await signInWithEnrolment(head, 'vaditaja', E2E_PASSWORD);
    await head.getByRole('menuitem', { name: 'Izņēmumu pieprasījumi' }).click();
    const row = head.locator('table tbody tr', { hasText: 'Gaida lēmumu' }).first();
    await row.waitFor({ timeout: 20_000 });
    await shot('08-overrides');
    await row.click();
    await head.waitForURL(new RegExp(`#/override-requests/${request.id}/show$`));
    await head.getByText('ģimene ir gatava').waitFor();
    await head.getByRole('button', { name: 'Apstiprināt' }).click();
    const dialog = head.getByRole('dialog');
    await dialog.locator('textarea[name="note"]').fill('Piekrītu izņēmumam.');
    await dialog.getByRole('button', { name: 'Apstiprināt lēmumu' }).click();
    await head.getByText('Apstiprināja Māra Kalniņa', { exact: false }).waitFor();
    await shot('09-approved');
    const decided = await db
      .selectFrom('overrideRequests')
      .select(['status', 'decisionNote'])
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(decided).toEqual({ status: 'approved', decisionNote: 'Piekrītu izņēmumam.' });
  });
});
