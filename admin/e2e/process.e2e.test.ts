import { sql } from 'kysely';
import { rigaToday } from '@adoption/model';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  newConsolePage,
  screenshots,
} from './browser';
import { signInWithEnrolment } from './mfa';

// The whole way in real Chromium, as a specialist walks it: select children for an adopter, propose
// one (acknowledging the adopter ahead in the queue), send the information, see the offer awaiting
// an answer on the dashboard, record that the adopter accepted to meet. The child's and the
// adopter's statuses follow; the offer names the selection run it came from.

const shotOf = screenshots('process', { fromTop: true });
const today = rigaToday();
const yearsAgo = (n: number, monthDay = '-02-01') => `${Number(today.slice(0, 4)) - n}${monthDay}`;

(browserAvailable ? describe : describe.skip)('from selection to "accepted to meet"', () => {
  const suite = consoleSuite();
  let adopterId: number;
  let childId: number;

  const statusOf = async (table: 'children' | 'adopters', id: number) =>
    (
      await suite.server.database.db
        .selectFrom(table as 'children')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  beforeAll(async () => {
    const db = suite.server.database.db;
    // Two Latvian waiting adopters without a live offer: ours, and one ahead of them in the queue.
    const free = await db
      .selectFrom('adopters as a')
      .select('a.id')
      .where('a.origin', '=', 'latvian')
      .where('a.status', '=', 'waiting')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('offers as o')
              .select(sql`1`.as('one'))
              .whereRef('o.adopterId', '=', 'a.id')
              .where('o.live', '=', true),
          ),
        ),
      )
      .orderBy('a.id', 'desc')
      .limit(2)
      .execute();
    const [me, ahead] = free.map((a) => a.id) as [number, number];
    adopterId = me;
    const wishes = {
      status: 'waiting' as const,
      birthDate: '1983-05-20',
      spouseBirthDate: null,
      spouseGivenNames: null,
      spouseSurname: null,
      spousePersonalCode: null,
      decisionValidUntil: null,
      wishedChildrenCount: 1,
      wishedSex: 'male' as const,
      wishedAgeFrom: 2,
      wishedAgeTo: 5,
      acceptsSiblings: false,
      needWishes: JSON.stringify([
        { need: 'minor_conditions', answer: 'can_meet', note: null },
        { need: 'chronic_illness', answer: 'can_meet', note: null },
      ]),
      refusals: '[]',
    };
    await db
      .updateTable('adopters')
      .set({ ...wishes, decisionDate: '2024-03-10', enteredOn: '2024-04-01' })
      .where('id', '=', me)
      .execute();
    await db
      .updateTable('adopters')
      .set({ ...wishes, decisionDate: '2019-02-01', enteredOn: '2019-03-01' })
      .where('id', '=', ahead)
      .execute();
    // An available boy of four without brothers or sisters and without a live offer.
    const child = await db
      .selectFrom('children as c')
      .select('c.id')
      .where('c.siblingGroupId', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('offerChildren as oc')
              .select(sql`1`.as('one'))
              .whereRef('oc.childId', '=', 'c.id')
              .where('oc.live', '=', true),
          ),
        ),
      )
      .orderBy('c.id', 'desc')
      .executeTakeFirstOrThrow();
    childId = child.id;
    await db
      .updateTable('children')
      .set({
        status: 'available',
        sex: 'male',
        birthDate: yearsAgo(4),
        careDecisionDate: yearsAgo(4, '-06-01'),
        recordSheetReceivedOn: yearsAgo(4, '-06-15'),
        healthConditions: '[]',
        disabilityGroup: null,
        disabilityFrom: null,
        disabilityUntil: null,
        disabilitySource: null,
        consent: null,
        consentDate: null,
        doesNotWishAdoption: false,
      })
      .where('id', '=', childId)
      .execute();
  }, 120_000);

  it('selects, proposes, sends, shows it on the dashboard and records "accepted to meet"', async () => {
    const page = await newConsolePage(suite.browser, 'process');
    const shot = shotOf(page);
    await page.goto(suite.server.url);
    await signInWithEnrolment(page, 'specialiste', E2E_PASSWORD);

    // 1. Select children for the adopter; our child is proposed with every rule passed.
    await page.goto(`${suite.server.url}/#/adopters/${adopterId}/show`);
    await page.getByRole('button', { name: 'Atlasīt bērnus' }).click();
    await page.getByRole('tab', { name: /Piedāvājamie \(\d+\)/ }).waitFor({ timeout: 30_000 });
    const mine = page.locator(`[data-key="child:${childId}"]`);
    await mine.waitFor();
    expect(await mine.locator('[data-outcome="fail"]').count()).toBe(0);
    await shot('01-selected');

    // 2. Propose it: the adopter ahead in the queue is named and acknowledged first.
    await mine.locator('.MuiListItemButton-root').click();
    await page.keyboard.press('p');
    const ack = page.getByRole('dialog');
    await ack.getByText('Rindā priekšā ir adoptētāji, kam šis bērns arī atbilst').waitFor();
    await shot('02-acknowledge');
    await ack.getByRole('button', { name: 'Esmu iepazinies, piedāvāt' }).click();
    await page.waitForURL(/#\/offers\/\d+\/show$/, { timeout: 30_000 });
    const offerId = Number(/#\/offers\/(\d+)\/show$/.exec(page.url())![1]);
    await page.getByText(`Piedāvājums Nr. ${offerId}`).first().waitFor();
    await page.locator('[data-move="sent"]').waitFor();
    await shot('03-draft');
    const stored = await suite.server.database.db
      .selectFrom('offers')
      .select(['status', 'adopterId', 'selectionRunId'])
      .where('id', '=', offerId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'draft', adopterId });
    expect(stored.selectionRunId).toEqual(expect.any(Number));

    // 3. Send the information about the child: the statuses follow, an answer is awaited.
    await page.locator('[data-move="sent"]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Saglabāt' }).click();
    await page.locator('[data-move="accepted_to_meet"]').waitFor();
    expect(await statusOf('children', childId)).toBe('offered');
    expect(await statusOf('adopters', adopterId)).toBe('information_received');

    // 4. The dashboard lists the offer among those awaiting an answer.
    await page.goto(`${suite.server.url}/#/`);
    const awaiting = page.locator('.MuiCard-root', { hasText: 'Gaida atbildi' }).first();
    await awaiting.waitFor({ timeout: 20_000 });
    await shot('04-dashboard');

    // 5. The adopter accepts to meet the child.
    await page.goto(`${suite.server.url}/#/offers/${offerId}/show`);
    await page.locator('[data-move="accepted_to_meet"]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Saglabāt' }).click();
    await page.locator('[data-move="meeting_referral_issued"]').waitFor();
    expect(await page.locator('table').first().innerText()).toContain('Piekrīt iepazīties');
    await shot('05-accepted');
    expect(await statusOf('children', childId)).toBe('getting_acquainted');
    expect(await statusOf('adopters', adopterId)).toBe('getting_acquainted');
  }, 240_000);
});
