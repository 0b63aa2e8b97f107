import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { PavedHealthApi, pavedHealthApiRef, PavedHealthError } from '../../api';
import { EntityWorkloadHealthCard } from './EntityWorkloadHealthCard';
import {
  componentEntity,
  componentResponse,
  healthyComponent,
} from './fixtures.testutil';

function renderCard(
  api: Partial<PavedHealthApi>,
  entity: Entity = componentEntity(),
) {
  return renderInTestApp(
    <TestApiProvider apis={[[pavedHealthApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityWorkloadHealthCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityWorkloadHealthCard', () => {
  it('shows each cluster: data, problems with runbooks, and errors beside them', async () => {
    const getEntityHealth = jest.fn(async () => componentResponse);
    await renderCard({ getEntityHealth });
    expect(getEntityHealth).toHaveBeenCalledWith(
      {
        kind: 'Component',
        namespace: 'default',
        name: 'ledger-worker',
      },
      { fresh: false },
    );

    const local = await screen.findByRole('region', {
      name: 'Cluster paved-local',
    });
    expect(local).toHaveTextContent(
      '1 of 3 ready (33.3%, below the 99.9% target)',
    );
    expect(local).toHaveTextContent(
      '4.5/h at worst (ledger-worker-1, ledger-worker), above the 0.1/h target · 27 in total',
    );
    expect(local).toHaveTextContent('Running 2 · Pending 1');
    const problems = within(local).getByRole('list', { name: 'Problems' });
    const items = within(problems).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('critical');
    expect(items[0]).toHaveTextContent(
      'CrashLoopBackOff · Pod payments/ledger-worker-1 (ledger-worker) · ×27',
    );
    expect(
      within(items[0]).getByRole('link', { name: 'Runbook: CrashLoopBackOff' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/paved/runbooks/crashloopbackoff/',
    );
    expect(items[1]).toHaveTextContent('warning');

    // The restarts in the answer, charted per container with their figures.
    const chart = within(local).getByRole('img', {
      name: 'Restarts per container in paved-local',
    });
    expect(chart.querySelectorAll('.recharts-bar-rectangle path')).toHaveLength(
      1,
    );
    const data = within(local).getByRole('table', {
      name: 'Restarts per container in paved-local',
    });
    expect(
      within(data)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual([
      'ContainerRestarts',
      'ledger-worker-1/ledger-worker27 restarts',
    ]);

    // The failing clusters show their errors beside paved-local's data.
    const timeout = screen.getByRole('region', { name: 'Cluster prod-eu-1' });
    expect(within(timeout).getByRole('alert')).toHaveTextContent(
      /did not answer within 10000 ms.*paved\.clusterAccess\.clusterTimeout/,
    );
    const denied = screen.getByRole('region', { name: 'Cluster prod-us-1' });
    expect(within(denied).getByRole('alert')).toHaveTextContent(
      /403 · .*The cluster refused the read/,
    );
    expect(
      screen.getByText(/^backstage\.io\/kubernetes-id=ledger-worker$/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Last read/)).toHaveTextContent(
      'Last read just now',
    );
  });

  it('says so when a cluster is healthy or has nothing matching', async () => {
    await renderCard({
      getEntityHealth: async () => ({
        ...componentResponse,
        clusters: [
          { cluster: 'a', ok: true, data: healthyComponent },
          {
            cluster: 'b',
            ok: true,
            data: {
              ...healthyComponent,
              workloads: [],
              pods: { total: 0, byPhase: {}, restarts: 0, evicted: 0 },
            },
          },
        ],
      }),
    });
    const a = await screen.findByRole('region', { name: 'Cluster a' });
    expect(a).toHaveTextContent('3 of 3 ready (100%)');
    expect(a).toHaveTextContent('Restarts: none');
    expect(a).toHaveTextContent('No problems');
    // No restarts in the answer: no chart.
    expect(
      screen.queryByRole('img', { name: /^Restarts per container/ }),
    ).toBeNull();
    expect(screen.getByRole('region', { name: 'Cluster b' })).toHaveTextContent(
      'No workloads or Pods match in this cluster.',
    );
  });

  it('shows progress while loading', async () => {
    await renderCard({ getEntityHealth: () => new Promise(() => {}) });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('says what to configure when there are no clusters', async () => {
    await renderCard({
      getEntityHealth: async () => ({ ...componentResponse, clusters: [] }),
    });
    expect(
      await screen.findByText(
        /No clusters configured in kubernetes\.clusterLocatorMethods/,
      ),
    ).toBeInTheDocument();
  });

  it('names the annotated cluster when it is not configured', async () => {
    await renderCard(
      { getEntityHealth: async () => ({ ...componentResponse, clusters: [] }) },
      componentEntity({
        'backstage.io/kubernetes-id': 'ledger-worker',
        'backstage.io/kubernetes-cluster': 'prod-ap-1',
      }),
    );
    expect(
      await screen.findByText(
        /The cluster 'prod-ap-1' named in backstage\.io\/kubernetes-cluster is not configured/,
      ),
    ).toBeInTheDocument();
  });

  it('asks for the annotations, without calling the backend, when they are missing', async () => {
    const getEntityHealth = jest.fn();
    await renderCard({ getEntityHealth }, componentEntity({}));
    expect(
      screen.getByText(
        /Add backstage\.io\/kubernetes-id or backstage\.io\/kubernetes-label-selector/,
      ),
    ).toBeInTheDocument();
    expect(getEntityHealth).not.toHaveBeenCalled();
  });

  it('shows a compact message when the user may not read health', async () => {
    await renderCard({
      getEntityHealth: async () => {
        throw new PavedHealthError(
          'You are not allowed to read health (permission paved.health.read, and kubernetes.clusters.read to list clusters).',
          403,
          'Missing permission paved.health.read',
        );
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You are not allowed to read health');
    expect(alert).toHaveTextContent('Missing permission paved.health.read');
  });

  it('shows the error panel for an unexpected failure', async () => {
    await renderCard({
      getEntityHealth: async () => {
        throw new Error('boom');
      },
    });
    expect(await screen.findByText('Error: boom')).toBeInTheDocument();
  });
  it('counts the problems the backend did not list', async () => {
    await renderCard({
      getEntityHealth: async () => ({
        ...componentResponse,
        clusters: [
          {
            cluster: 'big',
            ok: true,
            data: {
              ...healthyComponent,
              omittedProblems: [
                {
                  signal: 'container-waiting',
                  reason: 'CrashLoopBackOff',
                  count: 480,
                },
              ],
            },
          },
        ],
      }),
    });
    expect(
      await screen.findByText(
        'Not listed, more of the same: 480 × CrashLoopBackOff',
      ),
    ).toBeInTheDocument();
  });

  it('says how many unhealthy Pods were counted from the list only, and rates a Pod without a container', async () => {
    await renderCard({
      getEntityHealth: async () => ({
        ...componentResponse,
        clusters: [
          {
            cluster: 'big',
            ok: true,
            data: {
              ...healthyComponent,
              pods: {
                ...healthyComponent.pods,
                restarts: 240,
                worstRestartRate: {
                  pod: 'web-7',
                  namespace: 'shop',
                  container: '',
                  restarts: 12,
                  perHour: 12,
                },
                uninspected: 38,
              },
            },
          },
        ],
      }),
    });
    expect(
      await screen.findByText(
        /38 unhealthy Pods were counted from the Pod list/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/at worst \(web-7\)/)).toBeInTheDocument();
  });
});
