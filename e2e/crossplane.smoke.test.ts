import { expect, test } from '@playwright/test';
import { signedInAsAdmin, signInAsGuest } from './signIn';

/**
 * Crossplane in the running portal, fed by the Paved backend through the
 * Kubernetes backend from the local test double: payments-api's ready claim,
 * ledger-worker's failing claim with the managed resource's provider error,
 * and a new claim requested through the template, which lands in the double.
 */

const DOUBLE = 'http://127.0.0.1:8143';
// The test double's documented admin token; not a secret.
const ADMIN = { Authorization: 'Bearer paved-local-admin-token' };

test('payments-api shows its ready claim', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-api');
  await expect(
    page.getByRole('heading', { name: 'Crossplane claims' }),
  ).toBeVisible();
  const claim = page.getByRole('region', {
    name: 'Claim PostgreSQLInstance payments/payments-db',
  });
  await expect(claim).toBeVisible({ timeout: 60_000 });
  await expect(claim.getByTestId('claim-ready')).toBeVisible();
  await expect(claim).toContainText(
    'Composition: xpostgresqlinstances-aws · revision 2',
  );
  await expect(claim).toContainText('payments/payments-db-conn · present');
  await expect(claim.getByRole('link', { name: /Runbook/ })).toHaveCount(0);
  // The connection secret's password never reaches the browser.
  await expect(page.locator('body')).not.toContainText('pvd-xp-7Hq2LmV9sR4t');
});

test('ledger-worker shows the failing claim with the managed resource reason, and the tree', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/ledger-worker');
  const claim = page.getByRole('region', {
    name: 'Claim PostgreSQLInstance payments/ledger-db',
  });
  // The first read goes through the dev backend's cold Kubernetes proxy.
  await expect(claim).toBeVisible({ timeout: 60_000 });
  await expect(claim.getByTestId('claim-not-ready')).toBeVisible();
  const reason = claim.getByRole('alert', { name: 'First not-ready reason' });
  await expect(reason).toContainText(
    'ReconcileError on Instance ledger-db-q9m4d-rds',
  );
  await expect(reason).toContainText('Cannot find version 15.1 for postgres');
  await expect(
    claim.getByRole('link', { name: 'Runbook: Crossplane claim not ready' }),
  ).toHaveAttribute(
    'href',
    /\/docs\/default\/system\/paved\/runbooks\/crossplane-claim-not-ready\/?$/,
  );
  await page.screenshot({
    path: '.test-results/screenshots/crossplane-claims-card.png',
    fullPage: true,
  });

  // The entity page's tabs are links in the new frontend system.
  await page.getByRole('link', { name: 'Crossplane', exact: true }).click();
  await expect(page).toHaveURL(/\/component\/ledger-worker\/crossplane$/);
  const tree = page.getByRole('list', {
    name: 'Resources of PostgreSQLInstance payments/ledger-db',
  });
  const mr = tree.getByRole('listitem', {
    name: 'Instance ledger-db-q9m4d-rds',
  });
  await expect(mr).toContainText('Synced: False (ReconcileError)');
  await expect(mr).toContainText('InvalidParameterCombination');
  await page.screenshot({
    path: '.test-results/screenshots/crossplane-tab.png',
    fullPage: true,
  });

  // The same claim as a graph, laid out by Backstage's DependencyGraph.
  const tabClaim = page.getByRole('region', {
    name: 'Claim PostgreSQLInstance payments/ledger-db',
  });
  await tabClaim.getByRole('button', { name: 'Graph' }).click();
  const graph = tabClaim.getByRole('figure', {
    name: 'Graph of PostgreSQLInstance payments/ledger-db',
  });
  await expect(
    graph.getByRole('img', {
      name: 'managed Instance ledger-db-q9m4d-rds: not-ready',
    }),
  ).toBeVisible();
  await expect(graph.getByTestId('edge')).toHaveCount(4);

  // What stands behind it: the RDS provider is unhealthy in the double.
  const providers = tabClaim.getByRole('region', { name: 'Providers panel' });
  await expect(providers).toContainText('not healthy', { timeout: 30_000 });
  await providers.getByRole('button').first().click();
  await expect(
    providers.getByRole('listitem', { name: 'Provider provider-aws-rds' }),
  ).toContainText('Healthy: False (UnhealthyPackageRevision)');
  const composition = tabClaim.getByRole('region', {
    name: 'Composition panel',
  });
  await composition.getByRole('button').first().click();
  await expect(composition).toContainText(
    'compose → function function-patch-and-transform',
  );
  await page.screenshot({
    path: '.test-results/screenshots/crossplane-graph.png',
    fullPage: true,
  });
});

test('requests a new claim through the template; it lands in the cluster when a platform admin applies it', async ({
  page,
  request,
}) => {
  const name = `e2e-db-${Date.now().toString(36)}`;
  await signInAsGuest(page);
  await page.goto('/create/templates/default/paved-request-claim');
  await expect(
    page.getByRole('heading', {
      name: 'Request infrastructure (Crossplane claim)',
    }),
  ).toBeVisible();

  const field = (label: string) =>
    page.getByRole('textbox', { name: label, exact: true });
  // The types are what the cluster offers, read live through Paved's backend.
  await page.getByRole('button', { name: /Infrastructure type/ }).click();
  await page
    .getByRole('option', { name: 'PostgreSQL database (PostgreSQLInstance)' })
    .click();
  await field('Name').fill(name);
  await field("Namespace (your tenant's)").fill('payments');
  // The parameters are fields built from the XRD's schema.
  const parameters = page.getByRole('group', {
    name: /Parameters · PostgreSQL database/,
  });
  await expect(parameters).toBeVisible();
  const storage = parameters.getByRole('spinbutton', { name: 'Storage GB' });
  await storage.fill('5000');
  await expect(
    parameters.getByText('Storage GB must be at most 1000'),
  ).toBeVisible();
  await storage.fill('30');
  await parameters.getByRole('button', { name: /Size/ }).click();
  await page.getByRole('option', { name: 'small', exact: true }).click();
  await page.screenshot({
    path: '.test-results/screenshots/crossplane-claim-form.png',
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Next' }).click();

  // OwnerPicker: an autocomplete whose input is the textbox "Owner".
  const owner = field('Owner');
  await owner.click();
  await owner.fill('payments');
  await page
    .getByRole('option', { name: /payments/i })
    .first()
    .click();
  await field('Component it serves (optional)').fill('payments-api');
  await field('Team (cost label)').fill('payments-team');
  await field('Project (cost label)').fill('shop');
  await field('Cost centre (cost label)').fill('cc-1001');
  await page.getByRole('button', { name: 'Next' }).click();
  // Delivery: apply (the default) to the cluster chosen first.
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const claimUrl = `${DOUBLE}/apis/platform.paved.dev/v1alpha1/namespaces/payments/postgresqlinstances/${name}`;
  if (!signedInAsAdmin) {
    // A developer may not write to live clusters (paved:kubernetes:apply is
    // for platform admins; docs/permissions.md rule 8): the claim is checked
    // and written, then the apply step is refused and nothing lands.
    await expect(
      page.getByText(/Unauthorized action: paved:kubernetes:apply/).first(),
    ).toBeVisible({ timeout: 90_000 });
    await page.screenshot({
      path: '.test-results/screenshots/crossplane-claim-template-developer.png',
      fullPage: true,
    });
    const res = await request.get(claimUrl, { headers: ADMIN });
    expect(res.status()).toBe(404);
    return;
  }
  await expect(
    page.getByText(`PostgreSQLInstance.platform.paved.dev/payments/${name}`),
  ).toBeVisible({
    timeout: 90_000,
  });
  const res = await request.get(claimUrl, { headers: ADMIN });
  expect(res.status()).toBe(200);
  const claim = await res.json();
  expect(claim.spec.parameters).toMatchObject({ size: 'small', storageGB: 30 });
  expect(claim.metadata.labels).toMatchObject({
    'cost-center': 'cc-1001',
    'backstage.io/kubernetes-id': 'payments-api',
  });
  await page.screenshot({
    path: '.test-results/screenshots/crossplane-claim-template.png',
    fullPage: true,
  });
});
