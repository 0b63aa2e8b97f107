import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_ADMIN_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import type { CostAlertsResponse } from '@paved/plugin-paved-common';
import request from 'supertest';
import { pavedPlugin } from '../../plugin';

// The first proxy call loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(90_000);

const TENANT: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: {
      'paved.dev/tenant': 'payments',
      'paved.dev/namespaces': 'payments',
      // A budget of 1 cannot hold a month of the double's replicas.
      'paved.dev/monthly-budget': '1',
    },
  },
  spec: { owner: 'team-payments' },
};

const OWNER = 'user:default/ana';
const OTHER = 'user:default/mallory';
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

/** The portal policy's shape: managing alerts only for the owner (ana). */
const permissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => {
    const decide = async (requests: any[], options?: any) =>
      requests.map(r => ({
        result:
          options?.credentials?.principal?.type === 'service' ||
          r.permission.name !== 'paved.cost.alert.manage' ||
          options?.credentials?.principal?.userEntityRef === OWNER
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    return { authorize: decide, authorizeConditional: decide } as any;
  },
});

describe('cost alerts through the real Kubernetes backend, as the service and as users', () => {
  let double: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
  let server: any;
  const sent: NotificationSendOptions[] = [];

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
    ({ server } = await startTestBackend({
      features: [
        kubernetesPlugin,
        pavedPlugin,
        catalogServiceMock.factory({ entities: [TENANT] }),
        permissions,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async n => void sent.push(n) }),
        }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'primary',
                      url: double.url,
                      // The evaluation has no user: only service-account
                      // cluster auth can answer it.
                      authProvider: 'serviceAccount',
                      serviceAccountToken: DEFAULT_ADMIN_TOKEN,
                      skipTLSVerify: true,
                    },
                  ],
                },
              ],
            },
            paved: {
              health: { clusterTimeout: 30_000 },
              cost: { cacheTtl: 0, clusterTimeout: 30_000 },
              // No initial delay: the test scheduler runs it at startup.
              costAlerts: {
                schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
              },
            },
          },
        }),
      ],
    }));
  });

  afterAll(async () => {
    await double?.close();
  });

  const alertsPath = '/api/paved/cost/alerts/default/system/payments';

  it('evaluated at startup without a user and notified the owning group once', async () => {
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      recipients: { type: 'entity', entityRef: 'group:default/team-payments' },
      payload: {
        link: '/catalog/default/system/payments/cost',
        topic: 'Cost alerts',
        severity: 'high',
      },
    });
    const res = await request(server).get(alertsPath).set(as(OTHER));
    expect(res.status).toBe(200);
    const body = res.body as CostAlertsResponse;
    expect(body.entityRef).toBe('system:default/payments');
    expect(body.alerts.map(a => a.kind)).toEqual(['budget']);
    expect(body.alerts[0]).toMatchObject({
      status: 'active',
      sentCount: 1,
      ownerRef: 'group:default/team-payments',
    });
    expect(body.alerts[0]).not.toHaveProperty('claim');
  });

  it('refuses a service caller: alerts are read and managed by people', async () => {
    const service = { Authorization: mockCredentials.service.header() };
    // httpAuth refuses the principal type (403), before any permission.
    expect((await request(server).get(alertsPath).set(service)).status).toBe(
      403,
    );
    const res = await request(server)
      .post(`${alertsPath}/budget:2026-01/dismiss`)
      .set(service);
    expect(res.status).toBe(403);
  });

  it('lets only owners snooze or dismiss, and checks the input first', async () => {
    const { body } = await request(server).get(alertsPath).set(as(OWNER));
    const id = (body as CostAlertsResponse).alerts[0].id;
    const until = new Date(Date.now() + 86_400_000).toISOString();

    const denied = await request(server)
      .post(`${alertsPath}/${id}/snooze`)
      .set(as(OTHER))
      .send({ until });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/paved.cost.alert.manage/);

    const badUntil = await request(server)
      .post(`${alertsPath}/${id}/snooze`)
      .set(as(OWNER))
      .send({ until: 'tomorrow' });
    expect(badUntil.status).toBe(400);
    expect(badUntil.body.error.message).toMatch(/offset/);

    const badId = await request(server)
      .post(`${alertsPath}/cpu:2026-01/dismiss`)
      .set(as(OWNER));
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(
      /kind one of budget, growth, idle/,
    );

    const unknown = await request(server)
      .post(`${alertsPath}/budget:1999-01/dismiss`)
      .set(as(OWNER));
    expect(unknown.status).toBe(404);

    // Nothing of that changed the alert.
    const after = await request(server).get(alertsPath).set(as(OWNER));
    expect(after.body.alerts[0]).toMatchObject({
      snoozedUntil: null,
      dismissedAt: null,
    });

    const snoozed = await request(server)
      .post(`${alertsPath}/${id}/snooze`)
      .set(as(OWNER))
      .send({ until });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body).toMatchObject({
      snoozedUntil: until,
      snoozedBy: OWNER,
    });

    const dismissed = await request(server)
      .post(`${alertsPath}/${id}/dismiss`)
      .set(as(OWNER));
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({
      dismissedBy: OWNER,
      snoozedUntil: null,
    });
  });
});
