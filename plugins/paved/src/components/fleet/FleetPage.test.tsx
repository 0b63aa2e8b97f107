import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { FleetHealth, FleetRow } from '@paved/plugin-paved-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PavedApiError } from '../../api/PavedApiError';
import { pavedFleetApiRef } from '../../api/PavedFleetClient';
import { FleetPage } from './FleetPage';

// Rendering the whole page takes seconds on a loaded 2-core machine.
jest.setTimeout(20_000);

const health = (extra: Partial<FleetHealth> = {}): FleetHealth => ({
  nodes: { total: 3, ready: 3, notReady: 0, pressure: 0, cordoned: 0 },
  controlPlaneVersion: 'v1.30.6',
  kubeletVersions: ['v1.30.6'],
  maxVersionSkew: 0,
  requested: { cpu: 3, memory: 4 * 1024 ** 3 },
  allocatable: { cpu: 12, memory: 16 * 1024 ** 3 },
  problemCounts: { critical: 0, warning: 0, info: 0 },
  worstProblems: [],
  ...extra,
});

// As the backend sends them: worst first.
const ROWS: FleetRow[] = [
  {
    cluster: 'edge-1',
    entityRef: 'resource:default/edge-1',
    inCatalog: false,
    readiness: 'error',
    error: {
      name: 'ClusterTimeoutError',
      message: "Cluster 'edge-1' did not answer within 10000 ms",
    },
  },
  {
    cluster: 'prod-eu',
    entityRef: 'resource:default/prod-eu',
    inCatalog: true,
    title: 'Production EU',
    owner: 'group:default/platform-team',
    tier: 4,
    provider: 'gke',
    readiness: 'not-ready',
    health: health({
      nodes: { total: 3, ready: 2, notReady: 1, pressure: 1, cordoned: 1 },
      kubeletVersions: ['v1.30.6', 'v1.28.2'],
      maxVersionSkew: 2,
      problemCounts: { critical: 1, warning: 3, info: 1 },
      worstProblems: [
        {
          id: 'node-not-ready/Node/n2',
          signal: 'node-not-ready',
          severity: 'critical',
          reason: 'KubeletNotReady',
          message: 'Node n2 is NotReady',
          object: { kind: 'Node', name: 'n2' },
        },
      ],
    }),
    conformance: { ok: true, tier: 4, score: 0.75, failed: 3 },
    cost: { ok: true, monthToDate: 1234.5, currency: 'USD' },
  },
  {
    cluster: 'lab',
    entityRef: 'resource:default/lab',
    inCatalog: true,
    owner: 'group:default/dev-team',
    provider: 'kind',
    readiness: 'ready',
    health: health(),
    cost: {
      ok: false,
      problem: 'opencost-not-found',
      message: 'no opencost Service',
    },
  },
];

function renderPage(getFleet: () => Promise<{ clusters: FleetRow[] }>) {
  return renderInTestApp(
    <TestApiProvider apis={[[pavedFleetApiRef, { getFleet }]]}>
      <FleetPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const bodyRows = () =>
  within(screen.getByRole('region', { name: 'Clusters' }))
    .getAllByRole('row')
    .slice(1);

describe('FleetPage', () => {
  it('lists every cluster worst first, with its columns and a link to its page', async () => {
    await renderPage(async () => ({ clusters: ROWS }));
    expect(
      await screen.findByText('Clusters (3), worst first'),
    ).toBeInTheDocument();
    const rows = bodyRows();
    expect(rows.map(r => r.textContent)).toEqual([
      expect.stringContaining('edge-1'),
      expect.stringContaining('Production EU'),
      expect.stringContaining('lab'),
    ]);
    const prod = rows[1];
    expect(
      within(prod).getByRole('link', { name: 'Production EU' }),
    ).toHaveAttribute('href', '/catalog/default/resource/prod-eu');
    expect(prod).toHaveTextContent('Not ready');
    for (const fact of [
      '2/3 ready',
      '1 not ready',
      '1 under pressure',
      '1 cordoned',
    ]) {
      expect(within(prod).getByText(fact)).toBeInTheDocument();
    }
    expect(prod).toHaveTextContent(
      'v1.30.6 · kubelets v1.30.6, v1.28.2 · skew 2 minors',
    );
    expect(prod).toHaveTextContent('3 cores / 12 cores (25%)');
    expect(prod).toHaveTextContent('4 GiB / 16 GiB (25%)');
    expect(prod).toHaveTextContent('Tier 4 · 75%');
    expect(prod).toHaveTextContent('$1,235');
    expect(
      within(prod).getByRole('list', { name: 'Worst problems of prod-eu' }),
    ).toHaveTextContent('KubeletNotReady · Node n2');
    expect(prod).toHaveTextContent('and 4 more on the cluster page');
    expect(rows[2]).toHaveTextContent('Ready');
    expect(rows[2]).toHaveTextContent('no OpenCost');
  });

  it("shows a failing cluster's own error in its row, beside the others' data", async () => {
    await renderPage(async () => ({ clusters: ROWS }));
    await screen.findByText('Clusters (3), worst first');
    const edge = bodyRows()[0];
    expect(within(edge).getByRole('alert')).toHaveTextContent(
      "Cluster 'edge-1' did not answer within 10000 ms",
    );
    expect(edge).toHaveTextContent('paved.clusterAccess.clusterTimeout');
    expect(bodyRows()[1]).toHaveTextContent('2/3 ready');
  });

  it('filters by tier, provider and owner', async () => {
    await renderPage(async () => ({ clusters: ROWS }));
    await screen.findByText('Clusters (3), worst first');
    await userEvent.click(screen.getByRole('button', { name: /^Provider/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('kind'),
    );
    expect(
      await screen.findByText('Clusters (1), worst first'),
    ).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(1);
    expect(bodyRows()[0]).toHaveTextContent('lab');

    await userEvent.click(screen.getByRole('button', { name: /^Provider/ }));
    await userEvent.click(within(screen.getByRole('listbox')).getByText('All'));
    await userEvent.click(screen.getByRole('button', { name: /^Tier/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('Tier 4'),
    );
    expect(
      await screen.findByText('Clusters (1), worst first'),
    ).toBeInTheDocument();
    expect(bodyRows()[0]).toHaveTextContent('Production EU');

    await userEvent.click(screen.getByRole('button', { name: /^Owner/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('group:default/dev-team'),
    );
    expect(
      await screen.findByText('Clusters (0), worst first'),
    ).toBeInTheDocument();
  });

  it('says what to configure when there are no clusters', async () => {
    await renderPage(async () => ({ clusters: [] }));
    expect(await screen.findByText('No clusters to show')).toBeInTheDocument();
    expect(
      screen.getByText(/kubernetes\.clusterLocatorMethods/),
    ).toBeInTheDocument();
  });

  it("shows the route's error when the fleet cannot be read", async () => {
    await renderPage(async () => {
      throw new PavedApiError(
        'You are not allowed to see the fleet (permission paved.fleet.read, and kubernetes.clusters.read to list clusters).',
        403,
      );
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /permission paved\.fleet\.read/,
    );
  });
});
