import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { signedInAsAdmin, signInAsGuest } from './signIn';

/**
 * Paved's cost card on entity Overview pages, fed by the Paved backend
 * through the Kubernetes backend and the cluster's service proxy from the
 * test double's OpenCost: a component's cost by its workloads, and a
 * tenant's monthly budget against its month to date and projection.
 */
test("the cost card shows a component's cost for the chosen window", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-api');

  // The card loads after the page's other cards; the first call is slow.
  await expect(page.getByRole('group', { name: 'Cost window' })).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByLabel('Total cost')).toContainText('$', {
    timeout: 90_000,
  });
  const breakdown = page.getByRole('table', { name: 'Cost breakdown' });
  await expect(breakdown.getByRole('row', { name: /^CPU \$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Daily cost' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Right-sizing' })).toContainText(
    'payments/payments-api',
  );

  // Pick a window: it goes into the URL, and the card compares it with the
  // 7 days before.
  await page
    .getByRole('combobox', { name: 'Window' })
    .selectOption({ label: 'Last 7 days' });
  await expect(page).toHaveURL(/[?&]costWindow=last-7-days/);
  await expect(page.getByLabel('Total cost')).toContainText('$');
  const comparison = page.getByRole('region', { name: 'Comparison' });
  await expect(comparison).toContainText(
    /[+−]?\d+% \([+−]?\$[\d,.]+\) vs previous 7 days|vs previous 7 days \(nothing before\)/,
    { timeout: 90_000 },
  );
  await expect(
    comparison.getByRole('list', { name: 'Workload changes' }),
  ).toContainText('payments/deployment:payments-api');

  // The CSV is the card's rows: its total is the card's total.
  const shownTotal = (await page.getByLabel('Total cost').textContent())!;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    'cost-payments-api-last-7-days-daily.csv',
  );
  const csv = readFileSync((await download.path())!, 'utf8');
  const totalLine = csv.split('\r\n').find(l => l.includes(',total,Total,'))!;
  expect(totalLine).toContain(`,${shownTotal.replace(/[$,]/g, '')},`);

  await page.screenshot({
    path: '.test-results/screenshots/component-cost-card.png',
    fullPage: true,
  });
});

test('a shared link opens the cost card on its window and view', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto(
    '/catalog/default/component/payments-api?costWindow=yesterday&costView=cumulative',
  );
  await expect(page.getByRole('combobox', { name: 'Window' })).toHaveValue(
    'yesterday',
    { timeout: 90_000 },
  );
  await expect(page.getByLabel('Total cost')).toContainText('$', {
    timeout: 90_000,
  });
  await expect(
    page.getByRole('button', { name: 'Cumulative' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.getByRole('img', { name: 'Cumulative cost' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Comparison' })).toContainText(
    'vs previous day',
  );
});

test("the cost card shows a tenant's budget and month-end projection", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/system/shop');

  const budget = page.getByRole('region', { name: 'Monthly budget' });
  await expect(budget).toBeVisible({ timeout: 90_000 });
  await expect(budget).toContainText('Monthly budget: $60');
  await expect(budget).toContainText(/Month to date: \$\d+/);
  await expect(budget).toContainText(/Month-end projection: \$\d+/);
  // The example tenant spends about $70 a month against a $60 budget.
  await expect(budget.getByRole('alert')).toContainText(
    'the projection exceeds the budget',
  );

  await page.screenshot({
    path: '.test-results/screenshots/tenant-cost-card.png',
    fullPage: true,
  });
});

test("a team's page shows its members the cost of what carries its label", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/payments-team');

  await expect(page.getByRole('group', { name: 'Cost window' })).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByLabel('Total cost')).toContainText('$', {
    timeout: 90_000,
  });
  // The team's namespace holds payments-api, so its right-sizing shows here.
  await expect(page.getByRole('list', { name: 'Right-sizing' })).toContainText(
    'payments/payments-api',
  );
  await page.screenshot({
    path: '.test-results/screenshots/team-cost-card.png',
    fullPage: true,
  });
});

test('the cost card of an entity the developer does not own says it is not allowed', async ({
  page,
}) => {
  test.skip(signedInAsAdmin, 'platform admins may read every cost');
  await signInAsGuest(page);
  // checkout-web is checkout-team's; the developer is in payments-team.
  await page.goto('/catalog/default/component/checkout-web');

  await expect(page.getByRole('group', { name: 'Cost window' })).toBeVisible({
    timeout: 90_000,
  });
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'You are not allowed to read cost' }),
  ).toBeVisible({ timeout: 90_000 });
  await expect(page.getByLabel('Total cost')).toHaveCount(0);
  // The rest of the page is there: a refusal, not a crash.
  await expect(
    page.getByRole('heading', { name: 'Workload health' }),
  ).toBeVisible();
  await page.screenshot({
    path: '.test-results/screenshots/cost-card-not-owner.png',
    fullPage: true,
  });
});
