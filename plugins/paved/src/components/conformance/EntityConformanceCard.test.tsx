import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { evaluateConformance } from '@paved/plugin-paved-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  PavedConformanceResponse,
  PavedHealthClient,
  pavedHealthApiRef,
} from '../../api';
import { EntityConformanceCard } from './EntityConformanceCard';
import { isConformanceEntity } from './conformanceEntity';

const BASE = 'http://backstage.test/api/paved';
const ROUTE = `${BASE}/conformance/entity/:namespace/:kind/:name`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const tenant = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments-team' },
});
const TIERED = { 'paved.dev/tier': '3', 'paved.dev/namespaces': 'payments' };

/** A summary built by paved-common's own rules from real-shaped objects. */
function paymentsSummary() {
  const container = (name: string, image: string, extra: object = {}) => ({
    name,
    image,
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    },
    readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
    livenessProbe: { httpGet: { path: '/live', port: 8080 } },
    securityContext: {
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    },
    ...extra,
  });
  return evaluateConformance(
    [
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: 'payments',
          labels: { 'pod-security.kubernetes.io/enforce': 'restricted' },
        },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'payments-api', namespace: 'payments' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'payments-api' } },
          template: {
            metadata: { labels: { app: 'payments-api' } },
            spec: {
              containers: [
                container('api', 'ghcr.io/paved-demo/payments-api:latest', {
                  resources: {},
                }),
              ],
            },
          },
        },
      },
    ],
    { tier: 3, namespaces: ['payments'] },
  );
}

const conformanceResponse = (): PavedConformanceResponse => ({
  entityRef: 'component:default/payments-api',
  tier: 3,
  scope: 'tenant',
  namespaces: ['payments'],
  clusters: [
    {
      cluster: 'paved-local',
      ok: true,
      data: paymentsSummary(),
      apiLatency: {
        calls: 9,
        medianMs: 4,
        p95Ms: 12,
        maxMs: 15,
        meetsTarget: true,
      },
    },
    {
      cluster: 'prod-eu-1',
      ok: false,
      error: {
        name: 'ClusterTimeoutError',
        message: "Cluster 'prod-eu-1' did not answer within 10000 ms",
      },
    },
  ],
});

function renderCard(entity: Entity) {
  const api = new PavedHealthClient({
    discoveryApi: { getBaseUrl: async () => BASE },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(
    <TestApiProvider apis={[[pavedHealthApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityConformanceCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityConformanceCard', () => {
  it('shows the score, each failing rule explained with its objects, and a failing cluster beside it', async () => {
    let asked = '';
    server.use(
      http.get(ROUTE, ({ request }) => {
        asked = new URL(request.url).pathname;
        return HttpResponse.json(conformanceResponse());
      }),
    );
    await renderCard(tenant(TIERED));
    const local = await screen.findByRole('region', {
      name: 'Conformance of paved-local',
    });
    expect(asked).toBe(
      '/api/paved/conformance/entity/default/component/payments-api',
    );
    const summary = paymentsSummary();
    expect(local).toHaveTextContent(
      `Score: ${Math.round(summary.score! * 100)}`,
    );
    expect(local).toHaveTextContent(
      `${summary.passed} of ${summary.checks} checks pass`,
    );

    const rules = within(local).getByRole('list', { name: 'Failing rules' });
    const resources = summary.rules.find(
      r => r.id === 'resources-requests-limits',
    )!;
    expect(rules).toHaveTextContent(resources.title);
    // Each rule explained: its "why" is on the card.
    expect(rules).toHaveTextContent(resources.why);
    const objects = within(local).getByRole('list', {
      name: `Failing objects: ${resources.title}`,
    });
    expect(objects).toHaveTextContent('Deployment payments/payments-api (api)');
    const latest = summary.rules.find(r => r.id === 'image-tag-pinned')!;
    expect(
      within(local).getByRole('list', {
        name: `Failing objects: ${latest.title}`,
      }),
    ).toHaveTextContent('Deployment payments/payments-api (api)');
    // Production-only rules apply at tier 3 but find no production namespace.
    const pdb = summary.rules.find(r => r.id === 'production-pdb')!;
    expect(pdb).toMatchObject({ applies: true, checks: 0 });
    expect(local).toHaveTextContent(`Nothing to check for: ${pdb.title}`);

    // The other cluster's error sits beside paved-local's data.
    const eu = screen.getByRole('region', { name: 'Conformance of prod-eu-1' });
    expect(within(eu).getByRole('alert')).toHaveTextContent(
      /did not answer within 10000 ms.*paved\.clusterAccess\.clusterTimeout/,
    );
    expect(
      screen.getByText(/Tier 3 .* · namespaces payments$/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Last read/)).toHaveTextContent(
      'Last read just now',
    );
  });

  it('says which annotation to set when the entity declares no tier, without calling the backend', async () => {
    await renderCard(tenant({ 'backstage.io/kubernetes-id': 'payments-api' }));
    expect(
      await screen.findByText(/Set the annotation paved\.dev\/tier \(1 to 5\)/),
    ).toHaveTextContent('paved.dev/namespaces');
  });

  it('names a tier that is not 1 to 5', async () => {
    await renderCard(tenant({ 'paved.dev/tier': 'gold' }));
    expect(
      await screen.findByText(/paved\.dev\/tier is 'gold': it must be 1/),
    ).toBeInTheDocument();
  });

  it('asks a tiered Component for its namespaces', async () => {
    await renderCard(tenant({ 'paved.dev/tier': '2' }));
    expect(
      await screen.findByText(
        /Set the annotation paved\.dev\/namespaces .* against tier 2/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend error, naming the permission on 403', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'Missing permission' } },
          { status: 403 },
        ),
      ),
    );
    await renderCard(tenant(TIERED));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /paved\.conformance\.read/,
    );
  });

  it('shows a progress bar while loading', async () => {
    server.use(
      http.get(ROUTE, async () => {
        await new Promise(r => setTimeout(r, 200));
        return HttpResponse.json(conformanceResponse());
      }),
    );
    await renderCard(tenant(TIERED));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Conformance of paved-local' });
  });

  it('sits on Components, tenants and clusters only', () => {
    expect(isConformanceEntity(tenant({}))).toBe(true);
    const resource = (type: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'r' },
      spec: { type },
    });
    expect(isConformanceEntity(resource('kubernetes-cluster'))).toBe(true);
    expect(isConformanceEntity(resource('kubernetes-tenant'))).toBe(true);
    expect(isConformanceEntity(resource('database'))).toBe(false);
  });
});
