import { expect, Page } from '@playwright/test';

/**
 * Who the guest provider signs in as: the developer of app-config.yaml
 * (user:default/developer, payments-team, not a platform admin) unless the
 * run was started with PAVED_SIGN_IN_AS=admin, which makes playwright.config.ts
 * start the backend with app-config.admin.yaml (user:default/guest,
 * platform-team).
 */
export const signedInAsAdmin = process.env.PAVED_SIGN_IN_AS === 'admin';

/** Signs in with the guest provider and waits for the app's navigation. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // Signed in once the app's navigation shows.
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/**
 * The signed-in user's Backstage token, as the app sends it: the
 * `Authorization` header of the app's next call to the backend's `/api/`.
 * `visit` is what makes the app call the backend (a page to open).
 */
export async function backstageAuthorization(
  page: Page,
  visit: () => Promise<unknown>,
): Promise<string> {
  const call = page.waitForRequest(
    r =>
      r.url().startsWith('http://localhost:7007/api/') &&
      !!r.headers().authorization?.startsWith('Bearer '),
  );
  await visit();
  return (await call).headers().authorization;
}
