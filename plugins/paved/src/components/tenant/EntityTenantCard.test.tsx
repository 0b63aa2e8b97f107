import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  rbacPolicy,
  tenantGuardrailsOf,
  tenantQuotaOf,
  tenantRoleRules,
  tenantWhoCan,
} from '@paved/plugin-paved-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  PavedTenantClient,
  pavedTenantApiRef,
  PavedTenantResponse,
} from '../../api';
import { EntityTenantCard } from './EntityTenantCard';
import { isTenantResourceEntity } from './tenantEntity';

const BASE = 'http://backstage.test/api/paved';
const ROUTE = `${BASE}/tenants/entity/:namespace/:kind/:name`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const tenantEntity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'tenant-payments', namespace: 'default', annotations },
  spec: { type: 'kubernetes-tenant', owner: 'group:default/payments-team' },
});
const TENANT = tenantEntity({
  'paved.dev/tenant': 'payments',
  'paved.dev/tier': '2',
  'paved.dev/namespaces': 'payments',
  'paved.dev/isolation': 'namespace',
});

/** RBAC objects as the cluster would list them: tenant roles and a platform binding. */
function rbacObjects() {
  const role = (name: 'tenant-admin' | 'tenant-developer') => ({
    kind: 'Role',
    metadata: { name, namespace: 'payments' },
    rules: tenantRoleRules(name),
  });
  const binding = (name: string, group: string) => ({
    kind: 'RoleBinding',
    metadata: { name, namespace: 'payments' },
    roleRef: { kind: 'Role', name },
    subjects: [{ kind: 'Group', name: group }],
  });
  return [
    role('tenant-admin'),
    role('tenant-developer'),
    binding('tenant-admin', 'payments-admins'),
    binding('tenant-developer', 'payments-developers'),
    {
      kind: 'ClusterRole',
      metadata: { name: 'cluster-admin' },
      rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
    },
    {
      kind: 'ClusterRoleBinding',
      metadata: { name: 'platform-admins' },
      roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'Group', name: 'platform-team' }],
    },
  ];
}

const response = (): PavedTenantResponse => ({
  entityRef: 'resource:default/tenant-payments',
  tenant: 'payments',
  tier: 2,
  isolation: 'namespace',
  namespaces: ['payments'],
  clusters: [
    {
      cluster: 'paved-local',
      ok: true,
      data: {
        namespaces: ['payments'],
        missingNamespaces: [],
        quotas: [
          tenantQuotaOf({
            metadata: { name: 'payments-quota', namespace: 'payments' },
            status: {
              hard: {
                'requests.cpu': '8',
                'limits.memory': '32Gi',
                pods: '30',
              },
              used: {
                'requests.cpu': '2250m',
                'limits.memory': '30Gi',
                pods: '6',
              },
            },
          }),
        ],
        access: {
          available: true,
          rows: tenantWhoCan(rbacPolicy(rbacObjects()), ['payments']),
        },
        guardrails: {
          available: true,
          ...tenantGuardrailsOf([
            {
              metadata: { name: 'r1', namespace: 'payments' },
              scope: {
                kind: 'Pod',
                name: 'ledger-migrate',
                namespace: 'payments',
              },
              results: [
                { policy: 'tenant-guardrails', rule: 'a', result: 'pass' },
                {
                  policy: 'tenant-guardrails',
                  rule: 'require-name-prefix',
                  result: 'fail',
                  message: "names start with 'payments-'",
                },
              ],
            },
          ]),
        },
      },
    },
    {
      cluster: 'prod-eu-1',
      ok: false,
      error: {
        name: 'ClusterRequestError',
        message: 'HTTP 403: forbidden',
        statusCode: 403,
      },
    },
  ],
});

function renderCard(entity: Entity) {
  const api = new PavedTenantClient({
    discoveryApi: { getBaseUrl: async () => BASE },
    // A fresh fetch function per render: answers are shared per fetch API.
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(
    <TestApiProvider apis={[[pavedTenantApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityTenantCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityTenantCard', () => {
  it('shows quota use, the isolation tier, who can do what and the violations, and a failing cluster beside them', async () => {
    let asked = '';
    server.use(
      http.get(ROUTE, ({ request }) => {
        asked = new URL(request.url).pathname;
        return HttpResponse.json(response());
      }),
    );
    await renderCard(TENANT);
    const local = await screen.findByRole('region', {
      name: 'Tenant payments in paved-local',
    });
    expect(asked).toBe(
      '/api/paved/tenants/entity/default/resource/tenant-payments',
    );
    expect(
      screen.getByText(/Tenant payments · tier 2 · namespaces payments$/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Last read/)).toHaveTextContent(
      'Last read just now',
    );
    expect(screen.getByText(/Isolation tier:/).parentElement).toHaveTextContent(
      'Isolation tier: namespace · Namespaces, tenant roles',
    );

    // Quota: used against hard in the format module's units, with a bar.
    const quota = within(local).getByRole('table', {
      name: 'Quota payments/payments-quota',
    });
    const cpu = within(quota).getByRole('row', { name: /requests\.cpu/ });
    expect(cpu).toHaveTextContent('2.25 cores8 cores28.1%');
    expect(
      within(cpu).getByRole('progressbar', { name: 'requests.cpu used' }),
    ).toHaveAttribute('aria-valuenow', '28');
    const memory = within(quota).getByRole('row', { name: /limits\.memory/ });
    expect(memory).toHaveTextContent('30 GiB32 GiB93.8% · near the limit');
    expect(within(quota).getByRole('row', { name: /pods/ })).toHaveTextContent(
      '63020%',
    );

    // Who can do what: admins exec, developers do not; the platform group
    // is platform-wide.
    const matrix = within(local).getByRole('table', {
      name: 'Who can do what in paved-local',
    });
    const exec = within(matrix).getByRole('row', { name: /Exec into pods/ });
    const [, tenantCell, platformCell] = within(exec).getAllByRole('cell');
    expect(tenantCell).toHaveTextContent(
      'Group payments-adminsvia RoleBinding payments/tenant-admin (Role tenant-admin)',
    );
    expect(tenantCell).not.toHaveTextContent('payments-developers');
    expect(platformCell).toHaveTextContent(
      'Group platform-teamvia ClusterRoleBinding platform-admins (ClusterRole cluster-admin)',
    );
    const forward = within(matrix).getByRole('row', {
      name: /Port-forward to pods/,
    });
    expect(forward).toHaveTextContent('payments-developers');

    // Guardrails: the counts and the failing rule with its object.
    expect(local).toHaveTextContent(
      '1 report: 1 fail · 0 error · 0 warn · 1 pass · 0 skip',
    );
    const violations = within(local).getByRole('list', {
      name: 'Guardrail violations in paved-local',
    });
    expect(violations).toHaveTextContent(
      'fail · tenant-guardrails/require-name-prefix · Pod payments/ledger-migrate',
    );
    expect(violations).toHaveTextContent("names start with 'payments-'");

    // The other cluster's error sits beside paved-local's data.
    const eu = screen.getByRole('region', {
      name: 'Tenant payments in prod-eu-1',
    });
    expect(within(eu).getByRole('alert')).toHaveTextContent(
      '403 · HTTP 403: forbidden',
    );
  });

  it('says why a part is not available rather than hiding it', async () => {
    const r = response();
    r.clusters = [
      {
        cluster: 'paved-local',
        ok: true,
        data: {
          namespaces: ['payments'],
          missingNamespaces: ['payments-staging'],
          quotas: [],
          access: {
            available: false,
            reason: 'The cluster does not let you list its Roles and bindings',
          },
          guardrails: {
            available: false,
            reason: 'This cluster serves no PolicyReports',
          },
        },
      },
    ];
    delete r.isolation;
    server.use(http.get(ROUTE, () => HttpResponse.json(r)));
    await renderCard(TENANT);
    const local = await screen.findByRole('region', {
      name: 'Tenant payments in paved-local',
    });
    expect(local).toHaveTextContent('Not in this cluster: payments-staging');
    expect(local).toHaveTextContent(
      'No ResourceQuota in payments: nothing limits what the tenant may use.',
    );
    expect(local).toHaveTextContent(
      'The cluster does not let you list its Roles and bindings',
    );
    expect(local).toHaveTextContent(
      'Not available: This cluster serves no PolicyReports',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText(/Isolation tier:/).parentElement).toHaveTextContent(
      'not declared (set paved.dev/isolation',
    );
  });

  it('shows a spinner while loading', async () => {
    server.use(http.get(ROUTE, () => new Promise<never>(() => {})));
    await renderCard(TENANT);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says what the permission is on 403', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Missing permission paved.tenant.read',
            },
          },
          { status: 403 },
        ),
      ),
    );
    await renderCard(TENANT);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /not allowed to read this tenant's page \(permission paved\.tenant\.read/,
    );
  });

  it('says so when there is no cluster to read', async () => {
    server.use(
      http.get(ROUTE, () => HttpResponse.json({ ...response(), clusters: [] })),
    );
    await renderCard(TENANT);
    expect(await screen.findByTestId('no-clusters')).toBeInTheDocument();
  });

  it('asks for the namespaces annotation without calling the backend', async () => {
    await renderCard(tenantEntity({ 'paved.dev/tenant': 'payments' }));
    expect(
      await screen.findByText(/Set the annotation paved\.dev\/namespaces/),
    ).toBeInTheDocument();
  });

  it('sits on tenant Resources only', () => {
    expect(isTenantResourceEntity(TENANT)).toBe(true);
    expect(
      isTenantResourceEntity({
        ...TENANT,
        spec: { type: 'kubernetes-cluster', owner: 'x' },
      }),
    ).toBe(false);
    expect(isTenantResourceEntity({ ...TENANT, kind: 'Component' })).toBe(
      false,
    );
  });
});
