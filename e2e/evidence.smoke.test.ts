import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * The evidence drawer beside the crash-looping Pod's runbook link, fed by
 * the Paved backend through the Kubernetes backend from the local test
 * double: ledger-worker-1's previous container log (its fixture logs a
 * database password, which must arrive redacted) and its events, with the
 * kubectl commands that read the same. The developer is in payments-team,
 * which owns ledger-worker, so the policy grants paved.logs.read.
 */
test("the crash-looping Pod's drawer shows its previous log lines and events", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/ledger-worker');

  const cluster = page.getByRole('region', { name: 'Cluster paved-local' });
  await expect(cluster).toBeVisible();
  const crashLoop = cluster
    .getByRole('list', { name: 'Problems' })
    .getByRole('listitem')
    .filter({ hasText: /CrashLoopBackOff · Pod payments\/ledger-worker-1\b/ });
  await expect(crashLoop).toBeVisible();
  await crashLoop
    .getByRole('button', {
      name: 'Evidence for Pod payments/ledger-worker-1 (ledger-worker)',
    })
    .click();

  const drawer = page.getByRole('dialog', {
    name: 'Evidence: Pod payments/ledger-worker-1 (ledger-worker)',
  });
  await expect(drawer).toBeVisible();
  const log = drawer.getByLabel('Previous container log');
  await expect(log).toContainText(
    'cannot start without a consistent ledger; run `ledger-worker repair`',
  );
  await expect(log).toContainText('"password":"[redacted]"');
  await expect(log).not.toContainText('l3dger-s3cret-2026');
  await expect(drawer).toContainText('1 line had credentials redacted');

  const events = drawer.getByRole('list', { name: 'Events' });
  await expect(
    events.getByRole('listitem').filter({ hasText: /^BackOff · Warning/ }),
  ).toBeVisible();
  await expect(
    drawer.getByLabel('kubectl logs command', { exact: true }),
  ).toHaveText(
    'kubectl --context paved-local -n payments logs ledger-worker-1 -c ledger-worker --previous --tail=100 --limit-bytes=65536',
  );
  await expect(
    drawer.getByLabel('kubectl get events command', { exact: true }),
  ).toContainText(
    '--field-selector involvedObject.kind=Pod,involvedObject.name=ledger-worker-1',
  );

  await page.screenshot({
    path: '.test-results/screenshots/evidence-drawer.png',
    fullPage: true,
  });

  await drawer
    .getByRole('button', { name: 'Close the evidence drawer' })
    .click();
  await expect(drawer).toBeHidden();
});
