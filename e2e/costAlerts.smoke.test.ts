import { expect, test } from '@playwright/test';
import { backstageAuthorization, signInAsGuest } from './signIn';

/**
 * Cost alerts end to end: the scheduled evaluation (as Paved's service
 * identity, through the Kubernetes backend and the double's OpenCost) finds
 * the example tenant `shop` projected over its $60 budget and notifies its
 * owner, payments-team, whose member the developer sees it on the
 * notifications page and, from its link, on the tenant's Cost tab.
 *
 * The schedule runs every 30 minutes (app-config.yaml); instead of waiting,
 * the test asks the scheduler to run the task now through the scheduler's
 * own route, as an operator would.
 */
const TRIGGER =
  'http://localhost:7007/api/paved/.backstage/scheduler/v1/tasks/paved-cost-alerts/trigger';

test('the owning group is notified of a tenant projected over budget, and can snooze it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page);
  const authorization = await backstageAuthorization(page, () =>
    page.goto('/catalog/default/system/shop'),
  );

  const month = new Date().toISOString().slice(0, 7);
  const title = `shop: Projected over budget in ${month}`;
  await expect(async () => {
    // 409 while a run is under way: it will have finished by the next try.
    const trigger = await page.request.post(TRIGGER, {
      headers: { authorization },
    });
    expect([200, 409]).toContain(trigger.status());
    await page.goto('/notifications');
    await expect(page.getByText(title).first()).toBeVisible({
      timeout: 15_000,
    });
  }).toPass({ timeout: 180_000, intervals: [5_000] });

  // The sidebar counts it among the unread.
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }).getByRole('link', {
      name: /Notifications/,
    }),
  ).toBeVisible();

  await page.getByText(title).first().click();
  await expect(page).toHaveURL(/\/catalog\/default\/system\/shop\/cost$/);
  const alerts = page.getByRole('region', { name: 'Cost alerts' });
  await expect(alerts).toContainText(`Projected over budget in ${month}`, {
    timeout: 60_000,
  });
  // The developer is in payments-team, the owner: snoozing is allowed.
  await alerts
    .getByRole('button', { name: /^Snooze 1 day: / })
    .first()
    .click();
  await expect(alerts).toContainText('Snoozed until');

  await page.screenshot({
    path: '.test-results/screenshots/cost-alerts.png',
    fullPage: true,
  });
});
