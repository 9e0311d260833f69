import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  newConsolePage,
  screenshots,
} from './browser';
import { signInWithEnrolment } from './mfa';

// The explainable selection in real Chromium on the demo data: a specialist opens a waiting
// adopter, selects children, reads the rule chips, moves with the keyboard, looks at the near
// misses, starts a proposal and meets the adopters ahead in the queue; the reverse view of the
// child; the stored runs re-shown; the administrator's parameters page.

const shotOf = screenshots('selection', { fromTop: true });

(browserAvailable ? describe : describe.skip)('selection in Chromium', () => {
  const suite = consoleSuite();
  let adopterId: number;
  let childId: number;
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Riga' }).format(new Date());
  const yearsAgo = (n: number, monthDay = '-02-01') =>
    `${Number(today.slice(0, 4)) - n}${monthDay}`;

  beforeAll(async () => {
    const db = suite.server.database.db;
    const latvian = await db
      .selectFrom('adopters')
      .select('id')
      .where('origin', '=', 'latvian')
      .orderBy('id')
      .limit(2)
      .execute();
    const [me, ahead] = latvian.map((a) => a.id) as [number, number];
    adopterId = me;
    const wishes = {
      status: 'waiting' as const,
      birthDate: '1984-08-10',
      spouseBirthDate: null,
      spouseGivenNames: null,
      spouseSurname: null,
      spousePersonalCode: null,
      decisionValidUntil: null,
      wishedChildrenCount: 1,
      wishedSex: 'female' as const,
      wishedAgeFrom: 3,
      wishedAgeTo: 6,
      acceptsSiblings: false,
      needWishes: JSON.stringify([
        { need: 'minor_conditions', answer: 'can_meet', note: null },
        { need: 'chronic_illness', answer: 'consider', note: 'Pēc sarunas ar ārstu' },
      ]),
      refusals: '[]',
    };
    await db
      .updateTable('adopters')
      .set({ ...wishes, decisionDate: '2024-01-10', enteredOn: '2024-02-01' })
      .where('id', '=', me)
      .execute();
    await db
      .updateTable('adopters')
      .set({ ...wishes, decisionDate: '2018-12-01', enteredOn: '2019-01-10' })
      .where('id', '=', ahead)
      .execute();
    const child = await db
      .selectFrom('children')
      .select('id')
      .where('siblingGroupId', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    childId = child.id;
    await db
      .updateTable('children')
      .set({
        status: 'available',
        sex: 'female',
        birthDate: yearsAgo(5),
        careDecisionDate: yearsAgo(5, '-03-01'),
        recordSheetReceivedOn: yearsAgo(5, '-03-15'),
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

  it('selects children for an adopter, with rule chips, keyboard, near misses and the queue', async () => {
    const page = await newConsolePage(suite.browser, 'selection');
    const shot = shotOf(page);
    await page.goto(suite.server.url);
    await signInWithEnrolment(page, 'specialiste', E2E_PASSWORD);
    await page.goto(`${suite.server.url}/#/adopters/${adopterId}/show`);
    await page.getByRole('button', { name: 'Atlasīt bērnus' }).click();
    const proposedTab = page.getByRole('tab', { name: /Piedāvājamie \(\d+\)/ });
    await proposedTab.waitFor({ timeout: 30_000 });
    expect(page.url()).toContain(`#/adopters/${adopterId}/selection`);
    await page.getByText('Adoptētāja vēlmes').waitFor();
    await page.getByText('Pēc sarunas ar ārstu').first().waitFor();
    const mine = page.locator(`[data-key="child:${childId}"]`);
    await mine.waitFor();
    // Every rule as a chip; our child passes all of them.
    expect(await mine.locator('[data-outcome="pass"]').count()).toBe(10);
    await mine.getByText('Vecuma starpība').waitFor();
    // Adopters ahead in the queue who fit the child too.
    await mine.getByText(/Rindā priekšā \d+ adoptētāj/).waitFor();
    await shot('01-for-adopter');

    // Keyboard: ↓ moves the selection, ↑ back.
    const selected = () => page.locator('[role="listbox"] .Mui-selected');
    const first = await selected().innerText();
    await page.keyboard.press('ArrowDown');
    const rows = await page.locator('[role="listbox"] .selection-row').count();
    if (rows > 1) expect(await selected().innerText()).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await selected().innerText()).toBe(first);

    // P on our child: the adopters ahead are shown and must be acknowledged first.
    await mine.locator('.MuiListItemButton-root').click();
    await page.keyboard.press('p');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Rindā priekšā ir adoptētāji, kam šis bērns arī atbilst').waitFor();
    await dialog.getByRole('button', { name: 'Esmu iepazinies, piedāvāt' }).waitFor();
    await shot('02-ahead-in-queue');
    await dialog.getByRole('button', { name: 'Atcelt' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: /Tuvās atbilstības/ }).click();
    await page.getByText(/Tuvās atbilstības neatbilst tieši vienam/).waitFor();
    await shot('03-near-misses');
    // On paper: no menu, app bar, tabs or buttons; the wishes and the open list.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.RaSidebar-docked, .MuiDrawer-docked').first().isVisible()).toBe(
      false,
    );
    expect(await page.getByRole('tab', { name: /Piedāvājamie/ }).isVisible()).toBe(false);
    await shot('03b-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('tab', { name: /Neatbilst/ }).click();
    await shot('04-excluded');

    // Enter opens the child.
    await page.getByRole('tab', { name: /Piedāvājamie/ }).click();
    await mine.locator('.MuiListItemButton-root').click();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/children/${childId}/show`));

    // The reverse view of the child: adopters in queue order.
    await page.getByRole('button', { name: 'Atlasīt adoptētājus' }).click();
    await page.getByRole('tab', { name: /Atbilst \(\d+\)/ }).waitFor({ timeout: 30_000 });
    await page.locator(`[data-key="adopter:${adopterId}"]`).waitFor();
    await shot('05-for-child');

    // The stored runs: the newest re-shown as it was.
    await page.goto(`${suite.server.url}/#/selections`);
    await page.getByText('Adoptētāji bērnam').first().waitFor();
    await shot('06-runs');
    await page.getByText('Bērni adoptētājam').first().click();
    await page.waitForURL(/#\/selections\/\d+\/show/);
    await page.waitForTimeout(1500);
    await shot('07-run-reshown');
    await page.getByRole('tab', { name: /Piedāvājamie \(\d+\)/ }).waitFor();
    await page.locator(`[data-key="child:${childId}"]`).waitFor();
    await page
      .getByText(/Atlase Nr\. \d+/)
      .first()
      .waitFor();

    // A near miss is never proposed silently: the specialist asks a head of department.
    await page.getByRole('tab', { name: /Tuvās atbilstības/ }).click();
    await page.locator('[role="listbox"] .selection-row').first().click();
    await page.getByTestId('ask-override').click();
    const ask = page.getByRole('dialog');
    await ask
      .locator('textarea[name="reason"]')
      .fill('Ģimene ir gatava bērnam, kas ir gadu vecāks.');
    await shot('07b-ask-override');
    await ask.getByRole('button', { name: 'Nosūtīt pieprasījumu' }).click();
    await page.waitForURL(/#\/override-requests\/\d+\/show$/);
    await page.getByText('Ģimene ir gatava bērnam, kas ir gadu vecāks.').waitFor();
    await page.getByText('Gaida lēmumu').first().waitFor();
  }, 180_000);

  it('shows the parameters with their meaning; the administrator makes a new version', async () => {
    const page = await newConsolePage(suite.browser, 'selection-parameters');
    const shot = shotOf(page);
    await page.goto(suite.server.url);
    await signInWithEnrolment(page, 'admin', E2E_PASSWORD);
    await page.goto(`${suite.server.url}/#/selection-parameters`);
    await page.getByText('Spēkā esošie parametri (versija 1)').waitFor();
    await page.getByText('Civillikuma 169. pants', { exact: false }).waitFor();
    await shot('08-parameters');
    await page.getByRole('button', { name: 'Mainīt parametrus' }).click();
    const near = page.locator('input[name="nearMissAgeYears"]');
    await near.waitFor();
    await near.fill('1');
    await page.locator('textarea[name="note"]').fill('Tuvās atbilstības tikai viena gada robežās');
    await shot('09-parameters-edit');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByText('Spēkā esošie parametri (versija 2)').waitFor();
    await page.getByText('Tuvās atbilstības tikai viena gada robežās').waitFor();
  }, 120_000);
});
