import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ClusterHealthSummary } from '@paved/plugin-paved-common';
import { pavedHealthApiRef } from '../../api';
import { isKubernetesClusterEntity } from './entityFilters';
import { byPhase } from './format';
import { CARD_ANCHORS } from '../common/anchors';
import { PavedEntityCard } from '../common/PavedEntityCard';
import { usePolledRead } from '../common/refresh/usePolledRead';
import { CapacityChart } from '../common/charts/CapacityChart';
import { SchedulingLatencySection } from '../fleet/SchedulingLatency';
import {
  formatBytes,
  formatCpu,
  formatPercent,
  formatRelativeTime,
} from '../common/format';
import { Fact, SectionTitle } from '../common/CardText';
import { ClusterErrorMessage } from '../common/clusters/ClusterErrorMessage';
import { LatencyFact } from '../common/clusters/LatencyFact';
import { ProblemList } from '../common/problems/ProblemList';

function skewLabel(skew: number | undefined): string {
  if (skew === undefined || skew === 0) return '';
  return skew > 0 ? ` (${skew} behind)` : ` (${-skew} ahead)`;
}

function NodeTable(props: { health: ClusterHealthSummary }) {
  const { items } = props.health.nodes;
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Nodes">
        <TableHead>
          <TableRow>
            <TableCell>Node</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Kubelet</TableCell>
            <TableCell>CPU requested</TableCell>
            <TableCell>Memory requested</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(node => {
            const status = [
              node.readiness,
              ...node.pressure,
              ...(node.cordoned ? ['Cordoned'] : []),
            ].join(', ');
            const { capacity } = node;
            return (
              <TableRow key={node.name}>
                <TableCell>{node.name}</TableCell>
                <TableCell>{status}</TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {node.kubeletVersion ?? 'unknown'}
                  {skewLabel(node.versionSkew)}
                </TableCell>
                <TableCell>
                  {formatCpu(capacity.requested.cpu)} /{' '}
                  {formatCpu(capacity.allocatable.cpu)} (
                  {formatPercent(capacity.cpuRequestedRatio)})
                </TableCell>
                <TableCell>
                  {formatBytes(capacity.requested.memory)} /{' '}
                  {formatBytes(capacity.allocatable.memory)} (
                  {formatPercent(capacity.memoryRequestedRatio)})
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

function WarningEvents(props: { health: ClusterHealthSummary }) {
  const { warningEvents } = props.health;
  if (warningEvents.length === 0) {
    return (
      <Typography variant="body2">
        No Warning events in the last hour.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Warning events">
      <TableHead>
        <TableRow>
          <TableCell>Reason</TableCell>
          <TableCell>Count</TableCell>
          <TableCell>Objects</TableCell>
          <TableCell>Last seen</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {warningEvents.map(group => (
          <TableRow key={group.reason}>
            <TableCell>
              {group.runbook ? (
                <Link to={group.runbook.url}>{group.reason}</Link>
              ) : (
                group.reason
              )}
            </TableCell>
            <TableCell>{group.count}</TableCell>
            <TableCell>{group.objects}</TableCell>
            <TableCell title={group.lastSeen}>
              {formatRelativeTime(group.lastSeen) ?? 'unknown'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Requested against allocatable per node, CPU and memory, side by side. */
function CapacityCharts(props: { health: ClusterHealthSummary }) {
  const { items } = props.health.nodes;
  if (items.length === 0) return null;
  const rows = (pick: 'cpu' | 'memory') =>
    items.map(n => ({
      name: n.name,
      requested: n.capacity.requested[pick],
      allocatable: n.capacity.allocatable[pick],
    }));
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
        gap: 16,
        marginTop: 8,
      }}
    >
      <CapacityChart
        label="CPU requested vs allocatable per node"
        rows={rows('cpu')}
        format={formatCpu}
      />
      <CapacityChart
        label="Memory requested vs allocatable per node"
        rows={rows('memory')}
        format={formatBytes}
      />
    </div>
  );
}

function ClusterHealthBody(props: { health: ClusterHealthSummary }) {
  const { health } = props;
  const { nodes, capacity, pods } = health;
  const pressure = Object.entries(nodes.pressure)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${type} ${n}`)
    .join(' · ');
  const skewed = nodes.items.filter(n => n.versionSkew).length;
  if (nodes.total === 0) {
    return (
      <Typography variant="body2">
        The cluster reports no nodes you can see.
      </Typography>
    );
  }
  return (
    <>
      <SectionTitle>Problems</SectionTitle>
      <ProblemList
        problems={health.problems}
        label="Cluster problems"
        empty="No problems: every node is Ready, without pressure or skew."
      />
      <SectionTitle>Capacity</SectionTitle>
      <Fact label="Nodes">
        {nodes.total} · Ready {nodes.ready} · NotReady {nodes.notReady} ·
        Unknown {nodes.unknown}
      </Fact>
      <Fact label="Pressure">{pressure || 'none'}</Fact>
      <Fact label="Cordoned">{nodes.cordoned}</Fact>
      <Fact label="Kubelet skew">
        {health.controlPlaneVersion
          ? `${skewed} of ${nodes.total} nodes differ from control plane ${health.controlPlaneVersion}`
          : 'control plane version unknown'}
      </Fact>
      <Fact label="CPU requested">
        {formatCpu(capacity.requested.cpu)} of{' '}
        {formatCpu(capacity.allocatable.cpu)} allocatable (
        {formatPercent(capacity.cpuRequestedRatio)})
      </Fact>
      <Fact label="Memory requested">
        {formatBytes(capacity.requested.memory)} of{' '}
        {formatBytes(capacity.allocatable.memory)} allocatable (
        {formatPercent(capacity.memoryRequestedRatio)})
      </Fact>
      <Fact label="Pods">
        {pods.total} · {byPhase(pods.byPhase)}
        {pods.evicted ? ` · ${pods.evicted} evicted` : ''}
      </Fact>
      <CapacityCharts health={health} />
      <SchedulingLatencySection latency={health.schedulingLatency} />
      <SectionTitle>Nodes</SectionTitle>
      <NodeTable health={health} />
      <SectionTitle>Warning events by reason</SectionTitle>
      <WarningEvents health={health} />
    </>
  );
}

/**
 * A `kubernetes-cluster` Resource's live health: nodes, pressure, capacity,
 * Pods, Warning events and the API server's latency, from Paved's backend.
 * The entity's name is the cluster's name in the Kubernetes backend.
 */
export function EntityClusterHealthCard() {
  const { entity } = useEntity();
  const api = useApi(pavedHealthApiRef);
  const isCluster = isKubernetesClusterEntity(entity);
  const name = entity.metadata.name;
  const read = usePolledRead(
    ({ fresh }) =>
      isCluster ? api.getClusterHealth(name, { fresh }) : undefined,
    [api, name, isCluster],
  );
  return (
    <PavedEntityCard
      anchor={CARD_ANCHORS.clusterHealth}
      title="Cluster health"
      setup={
        isCluster
          ? undefined
          : 'This card shows Resources of type kubernetes-cluster, named as the cluster is in kubernetes.clusterLocatorMethods.'
      }
      read={read}
    >
      {({ cluster: result }) => (
        <>
          <LatencyFact latency={result.apiLatency} />
          {result.ok ? (
            <ClusterHealthBody health={result.data} />
          ) : (
            <ClusterErrorMessage error={result.error} />
          )}
        </>
      )}
    </PavedEntityCard>
  );
}
