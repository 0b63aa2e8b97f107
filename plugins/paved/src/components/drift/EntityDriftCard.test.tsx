import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  driftSummary,
  DriftResponse,
  notCompared,
  objectDrift,
} from '@paved/plugin-paved-common';
import { PavedDriftClient, pavedDriftApiRef } from '../../api/PavedDriftClient';
import { EntityDriftCard } from './EntityDriftCard';
import { isDriftEntity } from './driftEntity';

const BASE = 'http://backstage.test/api/paved';
const ROUTE = `${BASE}/drift/entity/default/resource/tenant-ledger`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'tenant-ledger',
    namespace: 'default',
    annotations: { 'paved.dev/tenant': 'ledger' },
  },
  spec: { type: 'kubernetes-tenant', owner: 'payments-team' },
};

const binding = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'tenant-developer', namespace: 'ledger-dev' },
  subjects: [{ kind: 'Group', name: 'ledger-developers' }],
};
const quota = {
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'tenant-quota', namespace: 'ledger-dev' },
  spec: { hard: { pods: '20' } },
};
const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'token', namespace: 'ledger-dev' },
};

const drifted = objectDrift(binding, {
  ...binding,
  metadata: {
    ...binding.metadata,
    managedFields: [
      {
        manager: 'kubectl-edit',
        operation: 'Update',
        fieldsV1: { 'f:subjects': {} },
      },
    ],
  },
  subjects: [
    ...binding.subjects,
    { kind: 'User', name: 'contractor@example.com' },
  ],
});

function render() {
  const discoveryApi = { getBaseUrl: async () => BASE };
  const fetchApi = { fetch: (i: any, init?: any) => fetch(i, init) };
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [pavedDriftApiRef, new PavedDriftClient({ discoveryApi, fetchApi })],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityDriftCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

const respond = (body: DriftResponse | object, status = 200) =>
  server.use(http.get(ROUTE, () => HttpResponse.json(body, { status })));

describe('EntityDriftCard', () => {
  it('lists each drifted field desired → live with its manager, the problem with its runbook, and a cluster that refused', async () => {
    respond({
      entityRef: 'resource:default/tenant-ledger',
      subject: 'tenant',
      clusters: [
        {
          cluster: 'paved-local',
          ok: true,
          drift: driftSummary('tenant', [
            drifted,
            objectDrift(quota, undefined),
            objectDrift(quota, quota),
            notCompared(secret, 'Paved never reads Secrets'),
          ]),
        },
        {
          cluster: 'paved-second',
          ok: false,
          error: {
            name: 'ClusterRequestError',
            message: 'HTTP 403: forbidden',
            statusCode: 403,
          },
        },
      ],
    });
    await render();
    const rb = await screen.findByRole('region', {
      name: 'RoleBinding ledger-dev/tenant-developer',
    });
    const row = within(rb).getByRole('row', {
      name: /subjects\[name=contractor@example.com\]/,
    });
    expect(row).toHaveTextContent(
      '(not set) → {"kind":"User","name":"contractor@example.com"}',
    );
    expect(row).toHaveTextContent('kubectl-edit (Update)');

    const local = screen.getByRole('region', { name: 'Drift in paved-local' });
    expect(within(local).getByTestId('drift-counts')).toHaveTextContent(
      '3 compared: 1 in sync, 1 drifted, 1 missing · 1 not compared',
    );
    expect(
      within(local).getByRole('region', {
        name: 'ResourceQuota ledger-dev/tenant-quota',
      }),
    ).toHaveTextContent('Missing from the cluster');
    expect(
      within(local).getByRole('region', { name: 'Secret ledger-dev/token' }),
    ).toHaveTextContent(
      'Not compared · Secret ledger-dev/token · Paved never reads Secrets',
    );
    const runbooks = within(local).getAllByRole('link', {
      name: 'Runbook: GitOps sync failed',
    });
    expect(runbooks[0]).toHaveAttribute(
      'href',
      '/docs/default/system/paved/runbooks/gitops-sync-failed/#fixes',
    );
    expect(local).toHaveTextContent('changed by kubectl-edit');

    const second = screen.getByRole('region', {
      name: 'Drift in paved-second',
    });
    expect(within(second).getByRole('alert')).toHaveTextContent(
      'HTTP 403: forbidden',
    );
  });

  it('tells no drift from nothing to compare', async () => {
    respond({
      entityRef: 'resource:default/tenant-ledger',
      subject: 'tenant',
      clusters: [
        {
          cluster: 'paved-local',
          ok: true,
          drift: driftSummary('tenant', [objectDrift(quota, quota)]),
        },
      ],
    });
    const first = await render();
    expect(await screen.findByTestId('drift-none')).toHaveTextContent(
      'No drift',
    );
    first.unmount();

    respond({
      entityRef: 'resource:default/tenant-ledger',
      subject: 'tenant',
      nothingToCompare:
        'Nothing to compare: annotate resource:default/tenant-ledger with paved.dev/tier',
      clusters: [],
    });
    await render();
    expect(await screen.findByTestId('drift-nothing')).toHaveTextContent(
      'annotate resource:default/tenant-ledger with paved.dev/tier',
    );
    expect(screen.queryByTestId('drift-none')).toBeNull();
  });

  it('names the permission when refused', async () => {
    respond(
      {
        error: {
          name: 'NotAllowedError',
          message: 'Missing permission paved.drift.read',
        },
      },
      403,
    );
    await render();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You are not allowed to read drift here (permission paved.drift.read',
    );
  });

  it('is for tenants and clusters only', () => {
    expect(isDriftEntity(entity)).toBe(true);
    expect(
      isDriftEntity({
        ...entity,
        metadata: { name: 'x' },
        spec: { type: 'kubernetes-cluster' },
      }),
    ).toBe(true);
    expect(
      isDriftEntity({
        ...entity,
        kind: 'Component',
        metadata: { name: 'web' },
        spec: { type: 'website' },
      }),
    ).toBe(false);
  });
});
