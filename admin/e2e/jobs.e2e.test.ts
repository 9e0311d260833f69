import type { Page } from 'playwright-core';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  newConsolePage,
  screenshots,
} from './browser';
import { signInWithEnrolment } from './mfa';

// Background jobs and notices to adopters in real Chromium on the demo data: the administrator
// starts the deadline job and sees it finish, sees a long run's progress bar and cancels it; a
// specialist picks waiting adopters by conditions, previews them, keeps the letter and sends it,
// and sees each recipient's delivery.

const shotOf = screenshots('jobs', { fromTop: true });

(browserAvailable ? describe : describe.skip)('jobs and notices in Chromium', () => {
  const suite = consoleSuite();
  let admin: Page;
  let specialist: Page;
  const emails = ['anna.liepina@example.lv', 'maris.ozols@example.lv', 'zane.kalna@example.lv'];

  beforeAll(async () => {
    const db = suite.server.database.db;
    // Three demo adopters wait in the queue with an e-mail address (the queue state, not tested here).
    const adopters = await db
      .selectFrom('adopters')
      .select('id')
      .where('origin', '=', 'latvian')
      .orderBy('id')
      .limit(3)
      .execute();
    for (const [i, a] of adopters.entries()) {
      await db
        .updateTable('adopters')
        .set({
          status: 'waiting',
          email: emails[i]!,
          decisionDate: '2020-01-10',
          decisionValidUntil: null,
          enteredOn: '2020-02-03',
        })
        .where('id', '=', a.id)
        .execute();
    }
    // A long job in the middle of its work, as the console shows one.
    await db
      .insertInto('jobRuns')
      .values({
        name: 'deadlines',
        status: 'running',
        progress: 40,
        message: 'Atgādinājumi: 12',
        startedAt: new Date(),
      })
      .execute();
  }, 120_000);

  it('the administrator runs the deadline job now and sees a run’s progress and cancels it', async () => {
    admin = await newConsolePage(suite.browser, 'jobs-admin');
    const shot = shotOf(admin);
    await admin.goto(suite.server.url);
    await signInWithEnrolment(admin, 'admin', E2E_PASSWORD);
    await admin.goto(`${suite.server.url}/#/jobs`);
    await admin.getByText('Atgādinājumi: 12').waitFor();
    await admin.getByRole('progressbar').first().waitFor();
    await shot('01-running');

    await admin.getByRole('button', { name: 'Palaist tagad: Termiņi un atgādinājumi' }).click();
    await admin.getByText('Pabeigts').first().waitFor({ timeout: 30_000 });
    await shot('02-done');

    await admin.getByRole('button', { name: 'Atcelt' }).first().click();
    await admin.getByText('Atcelt darbu?').waitFor();
    await admin.getByRole('button', { name: 'Apstiprināt' }).click();
    await admin.getByText('Atcelšana pieprasīta').waitFor();
    const rows = await suite.server.database.db
      .selectFrom('jobRuns')
      .select(['status', 'cancelRequested', 'startedBy'])
      .orderBy('id')
      .execute();
    expect(rows[0]).toMatchObject({ status: 'running', cancelRequested: true });
    expect(rows[1]).toMatchObject({ status: 'done', startedBy: expect.any(Number) });
  });

  it('a specialist previews the recipients, keeps the notice and sends it', async () => {
    specialist = await newConsolePage(suite.browser, 'jobs-specialist');
    const shot = shotOf(specialist);
    await specialist.goto(suite.server.url);
    await signInWithEnrolment(specialist, 'specialiste', E2E_PASSWORD);
    await specialist.goto(`${suite.server.url}/#/mail-campaigns/create`);
    await specialist.locator('input[name="criteria.waitingMoreThanMonths"]').fill('24');
    await specialist.getByRole('button', { name: 'Parādīt adresātus' }).click();
    for (const email of emails) await specialist.getByText(email).waitFor();
    await specialist
      .locator('input[name="subject"]')
      .fill('Aicinājums atjaunot kontaktinformāciju');
    await specialist
      .locator('textarea[name="body"]')
      .fill(
        'Lūdzam pārbaudīt, vai Jūsu tālruņa numurs un adrese ir spēkā.\n\nAr cieņu,\nadopcijas nodaļa',
      );
    await shot('03-campaign-preview');
    await specialist.getByRole('button', { name: 'Saglabāt' }).click();
    await specialist.waitForURL(/#\/mail-campaigns\/\d+\/show$/);
    await specialist.getByText('Melnraksts').waitFor();
    await specialist.getByRole('button', { name: 'Nosūtīt' }).click();
    await specialist.getByText('Nosūtīt paziņojumu?').waitFor();
    await specialist.getByRole('button', { name: 'Apstiprināt' }).click();
    await specialist.getByText('Nosūtīts', { exact: true }).first().waitFor();
    for (const email of emails) await specialist.getByText(email).waitFor();
    await shot('04-campaign-sent');
    const letters = await suite.server.database.db
      .selectFrom('outbox')
      .select(['recipient', 'template'])
      .where('template', '=', 'adopter-notice')
      .execute();
    expect(letters.map((l) => l.recipient)).toEqual(expect.arrayContaining(emails));
  });
});
