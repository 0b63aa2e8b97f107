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
 * Signs in and opens the tenant's page, again when the dev backend was
 * restarting: it restarts when a watched file changes, refuses sign-in
 * until it is back, and then forgets the session and its in-memory catalog.
 */
async function openTenantPage(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      await signInAsGuest(page);
      await page.goto('/catalog/default/resource/tenant-payments');
      await expect(
        page.getByRole('region', { name: 'Tenant payments in paved-local' }),
      ).toBeVisible({ timeout: 60_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await backendReady(page);
    }
  }
}

test.describe.configure({ timeout: 480_000 });

/**
 * The tenant's page: the example tenant-payments (examples/entities.yaml),
 * owned by payments-team, read by its developer (the portal's default
 * sign-in) from the test double's payments namespace: the ResourceQuota's
 * use against its hard limits, the isolation tier, who can do what there
 * from the namespace's tenant roles and the platform's cluster bindings,
 * and Kyverno's reports.
 */
test('the tenant page shows quota use, the isolation tier and the access matrix', async ({
  page,
}) => {
  await openTenantPage(page);

  await expect(
    page.getByRole('heading', { name: 'Tenant', exact: true }),
  ).toBeVisible();
  const cluster = page.getByRole('region', {
    name: 'Tenant payments in paved-local',
  });
  await expect(cluster).toBeVisible();

  // Quota use: the fixture quota's requests.cpu, 2250m of 8, with its bar.
  const quota = cluster.getByRole('table', {
    name: 'Quota payments/payments-quota',
  });
  const cpu = quota.getByRole('row', { name: /requests\.cpu/ });
  await expect(cpu).toContainText('2.25 cores');
  await expect(cpu).toContainText('8 cores');
  await expect(cpu).toContainText('28.1%');
  await expect(
    cpu.getByRole('progressbar', { name: 'requests.cpu used' }),
  ).toBeVisible();
  await expect(quota.getByRole('row', { name: /^pods/ })).toContainText('20%');

  // The isolation tier the entity declares.
  await expect(page.locator('#paved-tenant')).toContainText(
    'Isolation tier: namespace',
  );

  // Who can do what here: tenant admins exec, developers only port-forward.
  const matrix = cluster.getByRole('table', {
    name: 'Who can do what in paved-local',
  });
  const exec = matrix.getByRole('row', { name: /Exec into pods/ });
  await expect(exec).toContainText('Group payments-admins');
  await expect(exec).not.toContainText('payments-developers');
  await expect(
    matrix.getByRole('row', { name: /Port-forward to pods/ }),
  ).toContainText('Group payments-developers');
  // The platform's own binding reaches every namespace, and says so.
  await expect(
    matrix
      .getByRole('row', { name: /Read secrets/ })
      .getByRole('cell')
      .nth(2),
  ).toContainText('ServiceAccount kube-system/paved-admin');

  // Guardrail violations from Kyverno's reports in payments.
  await expect(
    cluster.getByRole('list', { name: 'Guardrail violations in paved-local' }),
  ).toContainText('tenant-guardrails/require-name-prefix');

  await page.screenshot({
    path: '.test-results/screenshots/tenant-card.png',
    fullPage: true,
  });
});
