import { expect, Page, test } from '@playwright/test';
import {
  backstageAuthorization,
  signedInAsAdmin,
  signInAsGuest,
} from './signIn';

/**
 * GitOps status in the running portal, as the developer (not a platform
 * admin, no kubernetes.proxy): checkout-web names its Argo CD Applications
 * with argocd/app-selector, and the card reads them from the local test
 * double (fixtures 90/91) through the Paved backend as that user; the
 * developer's own tenant shows what Argo CD and Flux deploy into it.
 */
test.skip(signedInAsAdmin, 'GitOps status is read as the developer');

const BACKEND = 'http://localhost:7007';
// Room for the dev server's first bundle and restarts on a loaded machine.
test.describe.configure({ timeout: 480_000 });

/** Signs in once the app's first bundle has loaded (it can take minutes cold). */
async function signIn(page: Page) {
  await page.goto('/', { timeout: 300_000 });
  await expect(page.getByRole('button', { name: 'Enter' })).toBeVisible({
    timeout: 300_000,
  });
  await signInAsGuest(page);
}

test("checkout-web's page shows its out-of-sync, degraded Application with the runbook", async ({
  page,
}) => {
  await signIn(page);
  const authorization = await backstageAuthorization(page, () =>
    page.goto('/catalog/default/component/checkout-web'),
  );
  const card = page.locator('#paved-gitops');
  await expect(card.getByRole('heading', { name: 'GitOps' })).toBeVisible({
    timeout: 90_000,
  });
  const app = card.getByRole('region', {
    name: 'Application argocd/checkout-web',
    exact: true,
  });
  // The first read goes through the dev backend's cold Kubernetes proxy.
  await expect(app).toBeVisible({ timeout: 90_000 });
  await expect(app.getByTestId('gitops-sync-OutOfSync')).toBeVisible();
  await expect(app.getByTestId('gitops-health-Degraded')).toBeVisible();
  await expect(app).toContainText('Revision 9b2e41d');
  await expect(app).toContainText(/last synced .*ago/);
  await expect(app).toContainText('admission webhook');
  const assets = card.getByRole('region', {
    name: 'Application argocd/checkout-web-assets',
  });
  await expect(assets.getByTestId('gitops-health-Missing')).toBeVisible();
  await expect(
    card.getByRole('link', { name: 'Runbook: GitOps sync failed' }).first(),
  ).toHaveAttribute(
    'href',
    /\/docs\/default\/system\/paved\/runbooks\/gitops-sync-failed\/?$/,
  );
  await page.screenshot({
    path: '.test-results/screenshots/gitops-card.png',
    fullPage: true,
  });

  // The same answer from the route, as the developer.
  const res = await page.request.get(
    `${BACKEND}/api/paved/gitops/entity/default/component/checkout-web`,
    { headers: { Authorization: authorization } },
  );
  expect(res.status()).toBe(200);
  const body = await res.json();
  const local = body.clusters.find((c: any) => c.cluster === 'paved-local');
  expect(local.ok).toBe(true);
  expect(
    local.data.objects.map((o: any) => `${o.name} ${o.sync}/${o.health}`),
  ).toEqual([
    'checkout-web OutOfSync/Degraded',
    'checkout-web-assets Unknown/Missing',
  ]);
});

test('the payments tenant shows what Argo CD and Flux deploy into its namespaces', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/resource/tenant-payments');
  const card = page.locator('#paved-gitops');
  const stalled = card.getByRole('region', {
    name: 'Kustomization payments/payments-policies',
  });
  await expect(stalled).toBeVisible({ timeout: 90_000 });
  await expect(stalled.getByTestId('gitops-health-Degraded')).toBeVisible();
  await expect(
    card.getByRole('region', { name: 'HelmRelease payments/payments-redis' }),
  ).toContainText('Suspended');
  await expect(
    card.getByRole('region', { name: 'Application argocd/payments-api' }),
  ).toContainText('Synced');
});
