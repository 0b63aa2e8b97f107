import { expect, test } from '@playwright/test';
import {
  backstageAuthorization,
  signedInAsAdmin,
  signInAsGuest,
} from './signIn';

/**
 * The local portal signs in as a developer (user:default/developer, in
 * payments-team, not a platform admin). Paved's cards read clusters as the
 * Paved backend itself (docs/adr/0004), so the developer sees them without
 * `kubernetes.proxy`; the stock Kubernetes proxy, which can delete pods and
 * exec, stays with platform admins (docs/permissions.md rule 2).
 */
test.skip(signedInAsAdmin, 'the developer is the one without kubernetes.proxy');

const BACKEND = 'http://localhost:7007';
const DOUBLE = 'http://127.0.0.1:8143';
// The test double's documented admin token; not a secret.
const DOUBLE_ADMIN = { Authorization: 'Bearer paved-local-admin-token' };
const POD = 'api/v1/namespaces/payments/pods/payments-api-7c9d8f6b5d-2xkqp';

test('the developer is denied kubernetes.proxy, while Paved health for the same cluster answers', async ({
  page,
}) => {
  await signInAsGuest(page);
  // The token the app sends: read from its own next call to the backend.
  const authorization = await backstageAuthorization(page, () =>
    page.goto('/catalog/default/component/payments-api'),
  );
  const asDeveloper = { Authorization: authorization };

  // Signed in as the developer, not the platform-team guest: the auth
  // backend's user info for the token (tokens carry no ownership claim).
  const userinfo = await page.request.get(`${BACKEND}/api/auth/v1/userinfo`, {
    headers: asDeveloper,
  });
  expect(userinfo.status()).toBe(200);
  const { claims } = await userinfo.json();
  expect(claims.sub).toBe('user:default/developer');
  expect(claims.ent).toContain('group:default/payments-team');
  expect(claims.ent).not.toContain('group:default/platform-team');

  const proxy = {
    ...asDeveloper,
    'Backstage-Kubernetes-Cluster': 'paved-local',
  };
  const deletePod = await page.request.delete(
    `${BACKEND}/api/kubernetes/proxy/${POD}`,
    { headers: proxy },
  );
  expect(deletePod.status()).toBe(403);
  const getPod = await page.request.get(
    `${BACKEND}/api/kubernetes/proxy/${POD}`,
    { headers: proxy },
  );
  expect(getPod.status()).toBe(403);
  // The refusal was the portal's: the Pod is still on the cluster.
  const stillThere = await page.request.get(`${DOUBLE}/${POD}`, {
    headers: DOUBLE_ADMIN,
  });
  expect(stillThere.status()).toBe(200);

  // Paved reads the same cluster for the same developer.
  const health = await page.request.get(
    `${BACKEND}/api/paved/health/cluster/paved-local`,
    { headers: asDeveloper },
  );
  expect(health.status()).toBe(200);
  expect((await health.json()).cluster).toMatchObject({
    cluster: 'paved-local',
    ok: true,
  });
  const workload = await page.request.get(
    `${BACKEND}/api/paved/health/entity/default/component/payments-api`,
    { headers: asDeveloper },
  );
  expect(workload.status()).toBe(200);
  const { clusters } = await workload.json();
  expect(clusters.length).toBeGreaterThan(0);
  for (const c of clusters) expect(c).toMatchObject({ ok: true });
});

test('every Paved card on the developer’s own component is populated', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-api');

  // Health: the workload card answers for the cluster, without a 403.
  await expect(
    page.getByRole('heading', { name: 'Workload health' }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Cluster paved-local' }),
  ).toBeVisible({ timeout: 60_000 });
  // Conformance.
  await expect(
    page.getByRole('region', { name: 'Conformance of paved-local' }),
  ).toContainText(/Score: \d+/, { timeout: 60_000 });
  // Crossplane.
  await expect(
    page.getByRole('region', {
      name: 'Claim PostgreSQLInstance payments/payments-db',
    }),
  ).toBeVisible({ timeout: 60_000 });
  // Cost: payments-team owns payments-api.
  await expect(page.getByLabel('Total cost')).toContainText('$', {
    timeout: 90_000,
  });
  await expect(page.getByText(/You are not allowed/)).toHaveCount(0);
  await page.screenshot({
    path: '.test-results/screenshots/developer-component-page.png',
    fullPage: true,
  });
});
