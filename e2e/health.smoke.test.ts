import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * Paved's health cards on entity Overview pages, fed by the Paved backend
 * through the Kubernetes backend from the local test double: the cluster
 * card with its NotReady and MemoryPressure nodes, the workload card with
 * the crash-looping Pod, and its runbook link into TechDocs; the conformance
 * card. The double moves its fixture times to its start-up, so the fixtures'
 * recent Warning events are within the card's one-hour window.
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
  const events = page.getByRole('table', { name: 'Warning events' });
  await expect(events.getByRole('row', { name: /^BackOff/ })).toBeVisible();
  await expect(
    events.getByRole('row', { name: /^FailedScheduling/ }),
  ).toBeVisible();

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

test('the conformance card scores payments at tier 3 and explains its failing rules', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-api');

  await expect(
    page.getByRole('heading', { name: 'Tier conformance' }),
  ).toBeVisible();
  await expect(
    page.getByText(/^Tier 3 .* · namespaces payments$/),
  ).toBeVisible();
  // When it was read is the card's footer (it refreshes on its own).
  await expect(page.locator('#paved-conformance')).toContainText(
    /Last read (just now|.+ ago)/,
  );
  const cluster = page.getByRole('region', {
    name: 'Conformance of paved-local',
  });
  await expect(cluster).toContainText(
    /Score: \d+(\.\d)?% · \d+ of \d+ checks pass/,
  );
  // The ledger-worker StatefulSet writes to its root filesystem.
  const rule = cluster
    .getByRole('list', { name: 'Failing rules' })
    .getByRole('listitem')
    .filter({ hasText: 'Containers have a read-only root filesystem' })
    .first();
  await expect(rule).toBeVisible();
  await expect(
    cluster.getByRole('list', {
      name: 'Failing objects: Containers have a read-only root filesystem',
    }),
  ).toContainText('StatefulSet payments/ledger-worker');

  await page.screenshot({
    path: '.test-results/screenshots/conformance-card.png',
    fullPage: true,
  });

  // A Component that declares no tier is told which annotation to set.
  await page.goto('/catalog/default/component/ledger-worker');
  await expect(
    page.getByRole('heading', { name: 'Tier conformance' }),
  ).toBeVisible();
  // The card says it (the status summary above says it too).
  await expect(
    page
      .locator('#paved-conformance')
      .getByText(/Set the annotation paved\.dev\/tier \(1 to 5\)/),
  ).toBeVisible();

  // The cluster Resource is checked as a whole cluster at its tier.
  await page.goto('/catalog/default/resource/paved-local');
  await expect(page.getByText(/^Tier 2 .* · whole cluster$/)).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Conformance of paved-local' }),
  ).toContainText('Score:');
});
