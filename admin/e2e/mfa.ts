import type { Page } from 'playwright-core';
import { totpCode } from '../../backend/src/mfa/totp';

/**
 * A first sign-in of a role that needs a second factor, as a person does it: password, the QR
 * step (the secret is read from the page, as an app would read the QR code), the first code, the
 * recovery codes once, then the console. `shot` keeps the QR and the recovery-codes screens.
 */
export async function signInWithEnrolment(
  page: Page,
  username: string,
  password: string,
  shot?: (name: string) => Promise<unknown>,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();

  const secretText = page.getByTestId('mfa-secret');
  await secretText.waitFor({ timeout: 20_000 });
  const qr = page.getByTestId('mfa-qr');
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  // The image has really loaded (a broken data URL would leave it 0 wide).
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="mfa-qr"]');
    return !!img && img.complete && img.naturalWidth > 0;
  });
  const secret = (await secretText.innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await shot?.('mfa-1-qr');

  await page.locator('input[name="code"]').fill(totpCode(secret));
  await page.locator('button[type="submit"]').click();
  const list = page.getByTestId('recovery-codes');
  await list.waitFor({ timeout: 20_000 });
  const codes = await list.locator('li').allInnerTexts();
  expect(codes).toHaveLength(10);
  await shot?.('mfa-2-recovery-codes');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard-greeting').waitFor({ timeout: 20_000 });
  return { secret, recoveryCodes: codes };
}
