import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { PavedHealthApi, pavedHealthApiRef, PavedHealthError } from '../../api';
import { EntityClusterHealthCard } from './EntityClusterHealthCard';
import { clusterEntity, clusterResponse } from './fixtures.testutil';

function renderCard(
  api: Partial<PavedHealthApi>,
  entity: Entity = clusterEntity,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[pavedHealthApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityClusterHealthCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityClusterHealthCard', () => {
  it('shows nodes, pressure, capacity, Pods, events, latency and problems', async () => {
    const getClusterHealth = jest.fn(async () => clusterResponse);
    await renderCard({ getClusterHealth });
    expect(getClusterHealth).toHaveBeenCalledWith('paved-local', {
      fresh: false,
    });

    expect(
      await screen.findByText(/4 · Ready 3 · NotReady 0 · Unknown 1/),
    ).toBeInTheDocument();
    expect(screen.getByText('MemoryPressure 1')).toBeInTheDocument();
    expect(
      screen.getByText(/0 of 4 nodes differ from control plane v1\.30\.6/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/5 cores of 15\.68 cores allocatable \(31\.9%\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /22 · Running 16 · Failed 3 · Pending 2 · Succeeded 1 · 1 evicted/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/median 12 ms · p95 20 ms over 6 calls/),
    ).toBeInTheDocument();

    const problems = screen.getByRole('list', { name: 'Cluster problems' });
    const [notReady, pressure] = within(problems).getAllByRole('listitem');
    expect(notReady).toHaveTextContent(
      /critical.*Node paved-local-worker-c is NotReady/,
    );
    expect(
      within(notReady).getByRole('link', { name: 'Runbook: Node NotReady' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/paved/runbooks/node-not-ready/',
    );
    expect(pressure).toHaveTextContent(/warning.*MemoryPressure/);

    const nodes = screen.getByRole('table', { name: 'Nodes' });
    const workerB = within(nodes).getByRole('row', {
      name: /paved-local-worker-b/,
    });
    expect(workerB).toHaveTextContent('Ready, MemoryPressure, Cordoned');
    expect(workerB).toHaveTextContent('1.25 cores / 3.92 cores (31.9%)');
    expect(workerB).toHaveTextContent('2 GiB / 14.4 GiB (13.9%)');

    const events = screen.getByRole('table', { name: 'Warning events' });
    expect(
      within(events).getByRole('link', { name: 'FailedScheduling' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/paved/runbooks/pod-pending/',
    );
    // lastSeen is shown relative to now, with the timestamp as its title.
    const lastSeen = within(events).getByTitle('2026-11-21T05:40:00Z');
    expect(lastSeen.textContent).toMatch(/ago|in /);
    expect(
      within(events).getByRole('row', { name: /BackOff/ }),
    ).toHaveTextContent('unknown');
  });

  it('shows the cluster error with what to do about it', async () => {
    await renderCard({
      getClusterHealth: async () => ({
        cluster: {
          cluster: 'paved-local',
          ok: false,
          error: {
            name: 'ClusterRequestError',
            message: 'Kubernetes backend answered 403 for /api/v1/nodes',
            statusCode: 403,
          },
        },
      }),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /403 · Kubernetes backend answered 403.*The cluster refused the read: .*your account needs read access there/,
    );
  });

  it('tells the user to configure the cluster when the backend does not know it', async () => {
    await renderCard({
      getClusterHealth: async () => {
        throw new PavedHealthError(
          "Cluster 'paved-local' is not configured in the Kubernetes backend (kubernetes.clusterLocatorMethods), or you cannot see it.",
          404,
        );
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /not configured in the Kubernetes backend \(kubernetes\.clusterLocatorMethods\)/,
    );
  });

  it('says so when the cluster reports no nodes and no events', async () => {
    const health = clusterResponse.cluster.ok
      ? clusterResponse.cluster.data
      : undefined;
    await renderCard({
      getClusterHealth: async () => ({
        cluster: {
          cluster: 'paved-local',
          ok: true,
          data: {
            ...health!,
            nodes: { ...health!.nodes, total: 0, items: [] },
          },
        },
      }),
    });
    expect(
      await screen.findByText('The cluster reports no nodes you can see.'),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard({ getClusterHealth: () => new Promise(() => {}) });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('explains itself on an entity that is not a cluster', async () => {
    const getClusterHealth = jest.fn();
    await renderCard(
      { getClusterHealth },
      { ...clusterEntity, spec: { type: 'database' } },
    );
    expect(
      screen.getByText(/This card shows Resources of type kubernetes-cluster/),
    ).toBeInTheDocument();
    expect(getClusterHealth).not.toHaveBeenCalled();
  });
});
