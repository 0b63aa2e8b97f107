import {
  Content,
  EmptyState,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { FleetRow } from '@paved/plugin-paved-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { pavedFleetApiRef } from '../../api/PavedFleetClient';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import {
  formatBytes,
  formatCpu,
  formatMoney,
  formatPercent,
} from '../common/format';
import { FilterSelect } from '../common/FilterSelect';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { ClusterErrorMessage } from '../common/clusters/ClusterErrorMessage';
import {
  problemObjectLabel,
  SeverityChip,
} from '../common/problems/ProblemList';
import {
  FleetFilters,
  filterFleetRows,
  fleetFilterOptions,
} from './filterFleet';
import { schedulingCellText, slowPodLabel } from './SchedulingLatency';

/** The anchor of the fleet page, as the cards have theirs. */
export const FLEET_PAGE_ANCHOR = 'paved-fleet';

const READINESS_LABEL: Record<FleetRow['readiness'], string> = {
  ready: 'Ready',
  degraded: 'Degraded',
  'not-ready': 'Not ready',
  error: 'No answer',
};

const ratio = (requested: number, allocatable: number) =>
  allocatable > 0 ? requested / allocatable : undefined;

function Status(props: { row: FleetRow }) {
  const { row } = props;
  if (row.error) {
    // Paved's own refusal is not the cluster's: no hint about cluster RBAC.
    return row.error.name === 'NotAllowedError' ? (
      <div role="alert">
        <Typography variant="body2" color="error">
          {row.error.message}
        </Typography>
      </div>
    ) : (
      <ClusterErrorMessage error={row.error} />
    );
  }
  return (
    <Typography variant="body2">{READINESS_LABEL[row.readiness]}</Typography>
  );
}

function Nodes(props: { row: FleetRow }) {
  const nodes = props.row.health?.nodes;
  if (!nodes) return null;
  const trouble = [
    nodes.notReady ? `${nodes.notReady} not ready` : '',
    nodes.pressure ? `${nodes.pressure} under pressure` : '',
    nodes.cordoned ? `${nodes.cordoned} cordoned` : '',
  ].filter(Boolean);
  // One fact a line, none broken mid-word: the column stays narrow.
  return (
    <>
      {[`${nodes.ready}/${nodes.total} ready`, ...trouble].map(fact => (
        <Typography key={fact} variant="body2" style={{ whiteSpace: 'nowrap' }}>
          {fact}
        </Typography>
      ))}
    </>
  );
}

function Versions(props: { row: FleetRow }) {
  const health = props.row.health;
  if (!health) return null;
  return (
    <Typography variant="body2">
      {health.controlPlaneVersion ?? 'unknown'}
      {health.kubeletVersions.length
        ? ` · kubelets ${health.kubeletVersions.join(', ')}`
        : ''}
      {health.maxVersionSkew
        ? ` · skew ${health.maxVersionSkew} minor${
            health.maxVersionSkew === 1 ? '' : 's'
          }`
        : ''}
    </Typography>
  );
}

function Capacity(props: { row: FleetRow; resource: 'cpu' | 'memory' }) {
  const health = props.row.health;
  if (!health) return null;
  const format = props.resource === 'cpu' ? formatCpu : formatBytes;
  const requested = health.requested[props.resource];
  const allocatable = health.allocatable[props.resource];
  return (
    <Typography variant="body2">
      {format(requested)} / {format(allocatable)} (
      {formatPercent(ratio(requested, allocatable))})
    </Typography>
  );
}

function Conformance(props: { row: FleetRow }) {
  const { row } = props;
  if (row.tier === undefined) return <Typography variant="body2">—</Typography>;
  const c = row.conformance;
  return (
    <Typography variant="body2" title={c && !c.ok ? c.message : undefined}>
      Tier {row.tier}
      {c?.ok ? ` · ${formatPercent(c.score ?? undefined)}` : ''}
      {c && !c.ok ? ' · score unavailable' : ''}
    </Typography>
  );
}

function Cost(props: { row: FleetRow }) {
  const c = props.row.cost;
  if (!c) return <Typography variant="body2">—</Typography>;
  if (!c.ok) {
    return (
      <Typography variant="body2" color="textSecondary" title={c.message}>
        {c.problem === 'opencost-not-found' ? 'no OpenCost' : 'unavailable'}
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      {formatMoney(c.monthToDate ?? undefined, c.currency)}
    </Typography>
  );
}

function Scheduling(props: { row: FleetRow }) {
  const latency = props.row.health?.schedulingLatency;
  if (!props.row.health) return null;
  if (!latency) return <Typography variant="body2">—</Typography>;
  return (
    <Typography
      variant="body2"
      component="div"
      color={latency.meetsTarget ? 'textPrimary' : 'error'}
    >
      {schedulingCellText(latency)}
      {latency.slowest && (
        <Typography variant="caption" component="div" color="textSecondary">
          slowest {slowPodLabel(latency.slowest)}
        </Typography>
      )}
    </Typography>
  );
}

function Problems(props: { row: FleetRow }) {
  const health = props.row.health;
  if (!health) return null;
  if (health.worstProblems.length === 0) {
    return <Typography variant="body2">none</Typography>;
  }
  const total =
    health.problemCounts.critical +
    health.problemCounts.warning +
    health.problemCounts.info;
  return (
    <ul
      aria-label={`Worst problems of ${props.row.cluster}`}
      style={{ margin: 0, padding: 0, listStyle: 'none' }}
    >
      {health.worstProblems.map(p => (
        <li key={p.id}>
          <SeverityChip severity={p.severity} />{' '}
          <Typography variant="body2" component="span">
            <strong>{p.reason}</strong> · {problemObjectLabel(p)}
          </Typography>
        </li>
      ))}
      {total > health.worstProblems.length && (
        <li>
          <Typography variant="body2" color="textSecondary" component="span">
            and {total - health.worstProblems.length} more on the cluster page
          </Typography>
        </li>
      )}
    </ul>
  );
}

const columns: TableColumn<FleetRow>[] = [
  {
    title: 'Cluster',
    field: 'cluster',
    render: row => (
      <EntityRefLink
        entityRef={row.entityRef}
        title={row.title ?? row.cluster}
      />
    ),
  },
  { title: 'Status', render: row => <Status row={row} /> },
  { title: 'Nodes', render: row => <Nodes row={row} /> },
  { title: 'Versions', render: row => <Versions row={row} /> },
  {
    title: 'CPU requested',
    render: row => <Capacity row={row} resource="cpu" />,
  },
  {
    title: 'Memory requested',
    render: row => <Capacity row={row} resource="memory" />,
  },
  { title: 'Tier · conformance', render: row => <Conformance row={row} /> },
  { title: 'Cost this month', render: row => <Cost row={row} /> },
  { title: 'Scheduling latency', render: row => <Scheduling row={row} /> },
  {
    title: 'Worst problems',
    cellStyle: { minWidth: 280 },
    render: row => <Problems row={row} />,
  },
  {
    title: 'Owner',
    field: 'owner',
    render: row => (row.owner ? <EntityRefLink entityRef={row.owner} /> : '—'),
  },
  { title: 'Provider', field: 'provider', render: row => row.provider ?? '—' },
];

const useStyles = makeStyles(theme => ({
  filters: { padding: theme.spacing(2) },
}));

/** Every cluster the Kubernetes backend knows, worst first, filterable. */
export function FleetPage() {
  return (
    <PavedCardRoot id={FLEET_PAGE_ANCHOR}>
      <Fleet />
    </PavedCardRoot>
  );
}

function Fleet() {
  const classes = useStyles();
  const fleetApi = useApi(pavedFleetApiRef);
  const [filters, setFilters] = useState<FleetFilters>({});
  const { value, loading, error } = useAsync(
    () => fleetApi.getFleet(),
    [fleetApi],
  );
  const rows = useMemo(() => value?.clusters ?? [], [value]);
  const options = useMemo(() => fleetFilterOptions(rows), [rows]);
  const set = (patch: FleetFilters) => setFilters({ ...filters, ...patch });

  if (loading) return <Progress />;
  if (error) return <ApiErrorPanel error={error} />;
  if (!rows.length) {
    return (
      <EmptyState
        missing="data"
        title="No clusters to show"
        description="Configure clusters in kubernetes.clusterLocatorMethods (app-config.yaml), and make sure you may list them (kubernetes.clusters.read). Describe each as a Resource of type kubernetes-cluster with paved.dev/tier to see its tier and conformance here."
      />
    );
  }
  const shown = filterFleetRows(rows, filters);
  return (
    <Content>
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <Paper
            role="group"
            aria-label="Filter clusters"
            className={classes.filters}
          >
            <Grid container spacing={2}>
              <Grid item xs={12} md={4}>
                <FilterSelect
                  idPrefix="fleet-filter"
                  label="Tier"
                  value={filters.tier}
                  options={options.tiers}
                  onChange={tier => set({ tier })}
                />
              </Grid>
              <Grid item xs={12} md={4}>
                <FilterSelect
                  idPrefix="fleet-filter"
                  label="Provider"
                  value={filters.provider}
                  options={options.providers}
                  onChange={provider => set({ provider })}
                />
              </Grid>
              <Grid item xs={12} md={4}>
                <FilterSelect
                  idPrefix="fleet-filter"
                  label="Owner"
                  value={filters.owner}
                  options={options.owners}
                  onChange={owner => set({ owner })}
                />
              </Grid>
            </Grid>
          </Paper>
        </Grid>
        <Grid item xs={12} component="section" aria-label="Clusters">
          <Table<FleetRow>
            title={`Clusters (${shown.length}), worst first`}
            // Not draggable: a draggable header is a focusable handle inside
            // the sort button (axe: nested-interactive). Not sortable: the
            // backend's worst-first order is the point.
            options={{
              paging: false,
              search: false,
              draggable: false,
              sorting: false,
            }}
            columns={columns}
            data={shown}
          />
        </Grid>
      </Grid>
    </Content>
  );
}
