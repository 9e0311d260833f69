import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  browserAvailable,
  consoleSuite,
  E2E_PASSWORD,
  lvDate,
  newConsolePage,
  screenshotDir,
  yesterday,
} from './browser';
import { signInWithEnrolment } from './mfa';

// Moving a child's status and keeping brothers and sisters together, in real Chromium on the demo
// data: the status dialog with its date and reason, seen in the status history and the card's
// history timeline; a sibling group of two children that an orphan court allowed to be separated,
// shown on both children's cards.

let page: Page;

const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotDir, `status-${name}.png`), fullPage: true });
};

const tab = (name: string) => page.getByRole('tab', { name, exact: true });

(browserAvailable ? describe : describe.skip)(
  'status changes and sibling groups in Chromium',
  () => {
    const suite = consoleSuite();
    beforeAll(async () => {
      page = await newConsolePage(suite.browser, 'status');
      await page.goto(suite.server.url);
      await signInWithEnrolment(page, 'specialiste', E2E_PASSWORD);
    }, 120_000);

    it('suspends a child through the status dialog, with reason and date, kept in the history', async () => {
      const child = await suite.server.database.db
        .selectFrom('children')
        .select(['id', 'surname', 'version'])
        .where('status', '=', 'available')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await page.goto(`${suite.server.url}/#/children/${child.id}/show`);
      await page.getByRole('button', { name: 'Mainīt statusu' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Pašreizējais statuss: Var piedāvāt adopcijai').waitFor();
      await dialog.getByRole('combobox', { name: 'Jaunais statuss' }).click();
      await page.getByRole('option', { name: 'Apturēts' }).click();
      const on = yesterday();
      await dialog.locator('input[name="changedOn"]').fill(lvDate(on));
      // Suspending needs a reason: the button waits for it.
      const save = dialog.getByRole('button', { name: 'Saglabāt' });
      expect(await save.isDisabled()).toBe(true);
      await dialog.getByRole('textbox', { name: 'Pamatojums' }).fill('Bērns ārstējas slimnīcā.');
      await shot('01-status-dialog');
      await save.click();
      await page.getByText('Statuss mainīts').waitFor();

      const row = await suite.server.database.db
        .selectFrom('children')
        .select(['status', 'version'])
        .where('id', '=', child.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'suspended', version: child.version + 1 });
      // The status history under the card: date in Latvian form, the move, who, the reason.
      const history = page.locator('li', { hasText: 'Bērns ārstējas slimnīcā.' });
      await history.waitFor();
      const text = await history.innerText();
      expect(text).toContain(lvDate(on));
      expect(text).toMatch(/Var piedāvāt adopcijai → Apturēts/);
      expect(text).toMatch(/Ilze Bērziņa/);
      // The card itself says so, and its history timeline has the move.
      await tab('Vēsture').click();
      const entry = page.getByTestId('history-entry').first();
      await entry.getByText('Statusa maiņa').waitFor();
      expect(await entry.innerText()).toMatch(/Statuss: Var piedāvāt adopcijai\s*→\s*Apturēts/);
      await shot('02-status-history');
    });

    it('keeps two children in a sibling group that may be separated, shown on both cards', async () => {
      const [first, second] = await suite.server.database.db
        .selectFrom('children')
        .select(['id', 'surname', 'givenNames'])
        .where('siblingGroupId', 'is', null)
        .where('status', 'in', ['record_received', 'available'])
        .orderBy('id', 'desc')
        .limit(2)
        .execute();
      expect(second).toBeDefined();

      await page.goto(`${suite.server.url}/#/sibling-groups/create`);
      await page.getByLabel('Bāriņtiesa atļāvusi šķirt', { exact: true }).check();
      await page.getByRole('combobox', { name: 'Bāriņtiesa, kas atļāvusi šķirt' }).click();
      await page.getByRole('option').first().click();
      await page.locator('input[name="separationDecisionNumber"]').fill('BT-2025/88');
      await page.locator('input[name="separationDecisionDate"]').fill(lvDate(yesterday()));
      await shot('03-sibling-group-create');
      await page.getByRole('button', { name: 'Saglabāt', exact: true }).click();
      await page.waitForURL(/#\/sibling-groups\/\d+$/);
      const groupId = Number(/sibling-groups\/(\d+)/.exec(page.url())![1]);

      const members = page.getByRole('combobox', { name: 'Brāļi un māsas' });
      for (const child of [first!, second!]) {
        await members.click();
        await members.fill(`${child.surname} ${child.givenNames}`);
        await page
          .getByRole('option', { name: new RegExp(`${child.surname} ${child.givenNames}`) })
          .first()
          .click();
      }
      await shot('04-sibling-group-members');
      await page.getByRole('button', { name: 'Saglabāt sastāvu' }).click();
      await page.getByText('Grupas sastāvs saglabāts').waitFor();
      const inGroup = await suite.server.database.db
        .selectFrom('children')
        .select('id')
        .where('siblingGroupId', '=', groupId)
        .orderBy('id')
        .execute();
      expect(inGroup.map((c) => c.id).sort()).toEqual([first!.id, second!.id].sort());

      for (const [child, other] of [
        [first!, second!],
        [second!, first!],
      ] as const) {
        await page.goto(`${suite.server.url}/#/children/${child.id}/show/siblings`);
        const block = page.locator('.card-tabs');
        await block.getByText(`Brāļu un māsu grupa #${groupId}`).waitFor();
        expect(await block.innerText()).toContain(`${other.surname} ${other.givenNames}`);
        expect(await block.innerText()).toContain('Bāriņtiesa atļāvusi adoptēt atsevišķi.');
        await shot(`05-sibling-card-${child.id === first!.id ? 'a' : 'b'}`);
      }
    });
  },
);
