import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * Paved's health cards on entity Overview pages, fed by the Paved backend
 * through the Kubernetes backend from the local test double: the cluster
 * card with its NotReady and MemoryPressure nodes, the workload card with
 * the crash-looping Pod, and its runbook link into TechDocs. Warning events
 * are not asserted: the double's timestamps are fixed and the backend counts
 * events as recent for an hour only.
 */
test('the cluster card shows the NotReady and MemoryPressure nodes', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/resource/paved-local');

  await expect(
    page.getByRole('heading', { name: 'Cluster health' }),
  ).toBeVisible();
  const problems = page.getByRole('list', { name: 'Cluster problems' });
  await expect(
    problems
      .getByRole('listitem')
      .filter({ hasText: 'Node paved-local-worker-c is NotReady' }),
  ).toBeVisible();
  await expect(
    problems
      .getByRole('listitem')
      .filter({ hasText: 'Node paved-local-worker-b reports MemoryPressure' }),
  ).toBeVisible();
  const nodes = page.getByRole('table', { name: 'Nodes' });
  await expect(
    nodes.getByRole('row', { name: /paved-local-worker-b/ }),
  ).toContainText('MemoryPressure');
  await expect(
    nodes.getByRole('row', { name: /paved-local-worker-c/ }),
  ).toContainText('Unknown');

  await page.screenshot({
    path: '.test-results/screenshots/cluster-health-card.png',
    fullPage: true,
  });
});

test('the workload card shows the crash-looping Pod and opens its runbook', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/ledger-worker');

  await expect(
    page.getByRole('heading', { name: 'Workload health' }),
  ).toBeVisible();
  const cluster = page.getByRole('region', { name: 'Cluster paved-local' });
  await expect(cluster).toBeVisible();
  const crashLoop = cluster
    .getByRole('list', { name: 'Problems' })
    .getByRole('listitem')
    // The waiting reason, not the restart-rate problem on the same Pod.
    .filter({ hasText: /CrashLoopBackOff · Pod payments\/ledger-worker-1\b/ });
  await expect(crashLoop).toBeVisible();
  await expect(crashLoop).toContainText('critical');

  await page.screenshot({
    path: '.test-results/screenshots/workload-health-card.png',
    fullPage: true,
  });

  await crashLoop
    .getByRole('link', { name: 'Runbook: CrashLoopBackOff' })
    .click();
  await expect(page).toHaveURL(
    /\/docs\/default\/system\/paved\/runbooks\/crashloopbackoff\/?$/,
  );
  // The first visit may build the site with MkDocs on the backend.
  await expect(
    page.getByRole('heading', { name: 'CrashLoopBackOff', level: 1 }),
  ).toBeVisible({ timeout: 90_000 });
  await expect(
    page.getByText('is the waiting state', { exact: false }).first(),
  ).toBeVisible();
});
