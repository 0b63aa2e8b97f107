import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/** Waits until the dev backend answers its readiness check. */
async function backendReady(page: Page) {
  await expect
    .poll(
      async () =>
        (
          await page.request
            .get('http://localhost:7007/.backstage/health/v1/readiness')
            .catch(() => undefined)
        )?.status(),
      { timeout: 120_000 },
    )
    .toBe(200);
}

/**
 * Signs in and opens the ledger tenant's page until its drift card has
 * answered, again when the dev backend was restarting (it restarts when a
 * watched file changes and forgets the session and its in-memory catalog).
 */
async function openDrift(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      await signInAsGuest(page);
      await page.goto('/catalog/default/resource/tenant-ledger');
      await expect(
        page.getByRole('region', { name: 'Drift in paved-local' }),
      ).toBeVisible({ timeout: 90_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await backendReady(page);
    }
  }
}

test.describe.configure({ timeout: 480_000 });

/**
 * The example tenant-ledger (examples/drift.yaml), owned by payments-team and
 * read by its developer (the portal's default sign-in). Its objects in the
 * test double (fixtures/92-drift.yaml) are what the tenant template renders,
 * except two hand changes: a Pod Security label set with `kubectl label`
 * and a user added to a RoleBinding with `kubectl edit`.
 */
test('the tenant page shows drifted objects, field by field, with who changed them', async ({
  page,
}) => {
  await openDrift(page);
  const card = page.locator('#paved-drift');
  const cluster = page.getByRole('region', { name: 'Drift in paved-local' });
  await expect(cluster.getByTestId('drift-counts')).toContainText(
    '11 compared: 9 in sync, 2 drifted, 0 missing',
  );

  const binding = cluster.getByRole('region', {
    name: 'RoleBinding ledger-dev/tenant-developer',
  });
  const subject = binding.getByRole('row', {
    name: /subjects\[name=contractor@example\.com\]/,
  });
  await expect(subject).toContainText('(not set) →');
  await expect(subject).toContainText('contractor@example.com');
  await expect(subject).toContainText('kubectl-edit (Update)');

  const ns = cluster.getByRole('region', { name: 'Namespace ledger-dev' });
  const label = ns.getByRole('row', {
    name: /pod-security\.kubernetes\.io\/enforce/,
  });
  await expect(label).toContainText('baseline → privileged');
  await expect(label).toContainText('kubectl-label (Update)');

  // Each drifted object is a problem with its runbook.
  await expect(
    card.getByRole('link', { name: 'Runbook: GitOps sync failed' }).first(),
  ).toHaveAttribute('href', /runbooks\/gitops-sync-failed\/#fixes/);

  await page.screenshot({
    path: '.test-results/screenshots/drift-card.png',
    fullPage: true,
  });
});
