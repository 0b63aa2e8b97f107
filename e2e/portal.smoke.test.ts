import { expect, test } from '@playwright/test';

/**
 * The portal as a first-time user meets it: sign in as guest, find Paved's
 * own system in the catalog, then open a component's Kubernetes tab and see
 * pods served by the local Kubernetes API test double.
 */
test('guest finds the Paved system and live pods on a Kubernetes tab', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  // The catalog home page lists components; switch the kind to System.
  await expect(
    page.getByRole('heading', { name: /Paved Catalog/ }),
  ).toBeVisible();
  await page.goto('/?filters%5Bkind%5D=system');
  const systemLink = page.getByRole('link', { name: 'Paved', exact: true });
  await expect(systemLink.first()).toBeVisible();
  await systemLink.first().click();
  await expect(page).toHaveURL(/\/catalog\/default\/system\/paved/);
  await expect(
    page.getByText('Backstage plugins for teams that run Kubernetes platforms.'),
  ).toBeVisible();

  // A component whose workloads run on the local test cluster.
  await page.goto('/catalog/default/component/payments-api');
  await page.getByRole('tab', { name: 'Kubernetes' }).click();
  await expect(page.getByText('paved-local').first()).toBeVisible();
  // The Kubernetes plugin flags failing pods from the cluster by name.
  await expect(page.getByText(/CrashLoopBackOff/).first()).toBeVisible();
  await page.getByText(/payments-api/, { exact: false }).first().waitFor();

  await page.screenshot({
    path: '.test-results/screenshots/kubernetes-tab.png',
    fullPage: true,
  });
});

test('the suite documentation renders in TechDocs, built by MkDocs', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.goto('/docs/default/system/paved');
  // The first visit builds the site with MkDocs on the backend.
  await expect(
    page.getByRole('heading', { name: 'Paved', exact: true }),
  ).toBeVisible({ timeout: 90_000 });
  await page.getByRole('link', { name: 'Local Kubernetes test double' }).click();
  await expect(page.getByText('Not a cluster')).toBeVisible();
});
