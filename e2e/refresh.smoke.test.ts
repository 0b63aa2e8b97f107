import { APIRequestContext, expect, request, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * A card stays current: the cluster card on paved-local's page counts one
 * more Pod after a Pod is created in the test double, without a page
 * reload, at the default refresh interval (30 s; the backend's health cache
 * adds up to 10 s). The portal's config is left alone so other specs are
 * not affected; the Pod is removed again whatever happens.
 */
const DOUBLE = 'https://127.0.0.1:8143';
const NAMESPACE = 'monitoring'; // privileged: Pod Security admits a bare Pod
const POD = `refresh-smoke-${Date.now()}`;

async function double(): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: DOUBLE,
    ignoreHTTPSErrors: true,
    extraHTTPHeaders: { Authorization: 'Bearer paved-local-admin-token' },
  });
}

test('the cluster card counts a new Pod without a page reload', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const api = await double();
  try {
    await signInAsGuest(page);
    await page.goto('/catalog/default/resource/paved-local');
    await expect(
      page.getByRole('heading', { name: 'Cluster health' }),
    ).toBeVisible();
    const card = page.locator('#paved-cluster-health');
    const pods = card.locator('strong:text-is("Pods:") >> xpath=..');
    await expect(pods).toContainText(/Pods: \d+/);
    const countOf = async () =>
      Number(/Pods:\s*(\d+)/.exec((await pods.textContent()) ?? '')?.[1]);
    const before = await countOf();
    await expect(card.getByText(/^Last read/)).toBeVisible();
    // A reload would lose this mark.
    await page.evaluate(() => {
      (window as any).pavedNoReload = true;
    });

    const created = await api.post(`/api/v1/namespaces/${NAMESPACE}/pods`, {
      data: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: POD, namespace: NAMESPACE },
        spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] },
      },
    });
    expect(created.status(), await created.text()).toBe(201);

    await expect
      .poll(countOf, { timeout: 90_000, intervals: [2_000] })
      .toBe(before + 1);
    expect(await page.evaluate(() => (window as any).pavedNoReload)).toBe(true);
    await page.screenshot({
      path: '.test-results/screenshots/cluster-card-refreshed.png',
    });
  } finally {
    await api.delete(`/api/v1/namespaces/${NAMESPACE}/pods/${POD}`);
    await api.dispose();
  }
});
