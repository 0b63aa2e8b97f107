import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * The fleet page lists the local portal's cluster(s) from the Kubernetes
 * backend's config, read live from the test double through the Paved
 * backend, and each row opens the cluster's entity page.
 */
test('the fleet page lists the local cluster, reached from the sidebar', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Clusters' }).first().click();
  await expect(page).toHaveURL(/\/clusters$/);

  const table = page.getByRole('region', { name: 'Clusters' });
  // The first read loads the cluster client in the backend: slow.
  await expect(table.getByText(/^Clusters \(\d+\), worst first$/)).toBeVisible({
    timeout: 90_000,
  });
  const row = table.getByRole('row', { name: /Paved local test cluster/ });
  await expect(row).toBeVisible();
  // The double's fixtures: four nodes, one NotReady, one under pressure.
  await expect(row).toContainText('3/4 ready');
  await expect(row).toContainText('Not ready');
  await expect(row).toContainText('Tier 2');
  await expect(
    row.getByRole('list', { name: 'Worst problems of paved-local' }),
  ).toContainText('critical');
  // Scheduling latency (seed 004 M3): Pending Pods nobody can schedule
  // (20-payments.yaml, 27-scheduling.yaml) are still waiting.
  await expect(
    page.getByRole('columnheader', { name: 'Scheduling latency' }),
  ).toBeVisible();
  await expect(row).toContainText(/p95 .+ · 2 waiting/);
  await expect(row).toContainText('slowest payments/ledger-worker-2');

  await page.screenshot({
    path: '.test-results/screenshots/fleet-page.png',
    fullPage: true,
  });

  await row.getByRole('link', { name: 'Paved local test cluster' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/resource\/paved-local/);
});
