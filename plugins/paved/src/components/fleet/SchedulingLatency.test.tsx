import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  FleetRow,
  SchedulingLatencySummary,
} from '@paved/plugin-paved-common';
import { render, screen, within } from '@testing-library/react';
import { pavedFleetApiRef } from '../../api/PavedFleetClient';
import { FleetPage } from './FleetPage';
import { SchedulingLatencySection } from './SchedulingLatency';

jest.setTimeout(20_000);

const gpuCheck = {
  namespace: 'kube-system',
  name: 'gpu-node-check-7q4zt',
  workload: 'Job/gpu-node-check',
  waitedMs: 12 * 60_000,
  waiting: true,
};

const LATENCY: SchedulingLatencySummary = {
  pods: 20,
  waiting: 1,
  medianMs: 0,
  p95Ms: 47_000,
  p99Ms: 720_000,
  maxMs: 720_000,
  meetsTarget: false,
  slowest: [
    gpuCheck,
    {
      namespace: 'kube-system',
      name: 'etcd-defrag-29260980-k8xq2',
      workload: 'Job/etcd-defrag-29260980',
      waitedMs: 47_000,
      waiting: false,
    },
  ],
  workloads: [
    {
      namespace: 'kube-system',
      workload: 'Job/gpu-node-check',
      pods: 1,
      waiting: 1,
      medianMs: 720_000,
      p95Ms: 720_000,
      p99Ms: 720_000,
      maxMs: 720_000,
      meetsTarget: false,
    },
    {
      namespace: 'payments',
      workload: 'Deployment/ledger',
      pods: 3,
      waiting: 0,
      medianMs: 0,
      p95Ms: 1000,
      p99Ms: 1000,
      maxMs: 1000,
      meetsTarget: true,
    },
  ],
  omittedWorkloads: 0,
};

describe('SchedulingLatencySection', () => {
  it('shows percentiles against M3, the waiting Pods and the slowest by name', () => {
    render(<SchedulingLatencySection latency={LATENCY} />);
    const section = screen.getByRole('region', { name: 'Scheduling latency' });
    expect(section).toHaveTextContent(
      'median 0 ms · p95 47 s · p99 12 min over 20 Pods (above the 1 s p95 / 5 s p99 target)',
    );
    expect(section).toHaveTextContent('1 Pod not scheduled yet');
    expect(
      within(screen.getByRole('list', { name: 'Slowest Pods to schedule' }))
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'kube-system/gpu-node-check-7q4zt (Job/gpu-node-check): waiting 12 min',
      'kube-system/etcd-defrag-29260980-k8xq2 (Job/etcd-defrag-29260980): 47 s',
    ]);
    expect(
      screen.getByRole('list', { name: 'Scheduling latency by workload' }),
    ).toHaveTextContent('payments/Deployment/ledger: p95 1 s over 3 Pods');
  });

  it('says how many Pods the workload figure covers, and nothing within target', () => {
    render(
      <SchedulingLatencySection
        latency={{
          ...LATENCY,
          pods: 2,
          waiting: 0,
          p95Ms: 1000,
          p99Ms: 1000,
          meetsTarget: true,
        }}
        ofPods={10}
      />,
    );
    const fact = screen.getByText(/Creation to scheduled/).parentElement!;
    expect(fact).toHaveTextContent('over 2 Pods of 10 (those read in full)');
    expect(fact).not.toHaveTextContent('target');
    expect(screen.queryByText(/not scheduled yet/)).not.toBeInTheDocument();
  });

  it('renders nothing without a measurement', () => {
    const { container } = render(<SchedulingLatencySection />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('the fleet scheduling latency column', () => {
  it('shows p95, the waiting count and the slowest Pod per cluster', async () => {
    const row: FleetRow = {
      cluster: 'paved-local',
      entityRef: 'resource:default/paved-local',
      inCatalog: true,
      readiness: 'degraded',
      health: {
        nodes: { total: 1, ready: 1, notReady: 0, pressure: 0, cordoned: 0 },
        kubeletVersions: [],
        maxVersionSkew: 0,
        requested: { cpu: 1, memory: 1 },
        allocatable: { cpu: 2, memory: 2 },
        problemCounts: { critical: 0, warning: 1, info: 0 },
        worstProblems: [],
        schedulingLatency: {
          pods: 20,
          waiting: 1,
          medianMs: 0,
          p95Ms: 47_000,
          p99Ms: 720_000,
          meetsTarget: false,
          slowest: gpuCheck,
        },
      },
    };
    const calm: FleetRow = {
      ...row,
      cluster: 'calm',
      entityRef: 'resource:default/calm',
      health: { ...row.health!, schedulingLatency: undefined },
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            pavedFleetApiRef,
            { getFleet: async () => ({ clusters: [row, calm] }) },
          ],
        ]}
      >
        <FleetPage />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    await screen.findByText('Clusters (2), worst first');
    expect(
      screen.getByRole('columnheader', { name: 'Scheduling latency' }),
    ).toBeInTheDocument();
    const rows = within(screen.getByRole('region', { name: 'Clusters' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows[0]).toHaveTextContent('p95 47 s · 1 waiting');
    expect(rows[0]).toHaveTextContent(
      'slowest kube-system/gpu-node-check-7q4zt (Job/gpu-node-check): waiting 12 min',
    );
    expect(rows[1]).not.toHaveTextContent('p95');
  });
});
