import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * The portal as a first-time user meets it: sign in as guest, find Paved's
 * own system in the catalog, then open a component's Kubernetes tab and see
 * pods served by the local Kubernetes API test double.
 */
test('guest finds the Paved system and live pods on a Kubernetes tab', async ({
  page,
}) => {
  await signInAsGuest(page);

  // The catalog home page lists components; switch the kind to System.
  await expect(
    page.getByRole('heading', { name: /Paved Catalog/ }),
  ).toBeVisible();
  // The catalog starts on what the user owns; Paved is platform-team's.
  await page.goto('/?filters%5Bkind%5D=system&filters%5Buser%5D=all');
  const systemLink = page.getByRole('link', { name: 'Paved', exact: true });
  await expect(systemLink.first()).toBeVisible();
  await systemLink.first().click();
  await expect(page).toHaveURL(/\/catalog\/default\/system\/paved/);
  await expect(
    page.getByText(
      'Backstage plugins for teams that run Kubernetes platforms.',
    ),
  ).toBeVisible();

  // A component whose workloads run on the local test cluster.
  await page.goto('/catalog/default/component/payments-api');
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  const cluster = page.getByRole('button', {
    name: /Paved local test cluster/,
  });
  await expect(cluster).toBeVisible();
  await expect(cluster.getByText('3 pods')).toBeVisible();
  // The plugin reports the pod that restarted after an OOM kill.
  await expect(
    page.getByRole('cell', { name: /payments-api-7c9d8f6b5d-tq9mc/ }),
  ).toBeVisible();
  // Expanding the cluster and its deployment lists the pods by name.
  await cluster.click();
  // Keyboard on the accordion itself: a click would land on the title's own
  // button, which opens the object drawer instead.
  await page
    .getByRole('button', {
      name: /^payments-api Deployment namespace: payments min replicas/,
      expanded: false,
    })
    .press('Enter');
  for (const pod of ['2xkqp', '8wzrt', 'tq9mc']) {
    await expect(
      page.getByText(`payments-api-7c9d8f6b5d-${pod}`).first(),
    ).toBeVisible();
  }

  await page.screenshot({
    path: '.test-results/screenshots/kubernetes-tab.png',
    fullPage: true,
  });
});

test('the suite documentation renders in TechDocs, built by MkDocs', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/docs/default/system/paved');
  // The first visit builds the site with MkDocs on the backend.
  await expect(
    page.getByText('This site documents the monorepo and its local portal.'),
  ).toBeVisible({ timeout: 90_000 });
  await page
    .getByRole('link', { name: 'Local Kubernetes test double' })
    .click();
  await expect(page.getByText('Not a cluster', { exact: true })).toBeVisible();
});
