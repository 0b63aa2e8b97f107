import { Entity } from '@backstage/catalog-model';
import {
  Content,
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  EntityRefLinks,
} from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import {
  ADR_KIND,
  AdrEntityV1alpha1,
  DecisionFilters,
  decisionFilterOptions,
  DecisionRow,
  filterDecisions,
  isAdrEntity,
  toDecisionRow,
} from '@paved/plugin-paved-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { CARD_ANCHORS } from '../common/anchors';
import { formatDate } from '../common/formatDate';
import { FilterSelect } from '../common/FilterSelect';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { StatusChip } from '../common/StatusChip';

const columns: TableColumn<DecisionRow>[] = [
  { title: '#', field: 'number', width: '5%' },
  {
    title: 'Decision',
    field: 'title',
    render: row => <EntityRefLink entityRef={row.ref} title={row.title} />,
  },
  {
    title: 'Status',
    field: 'status',
    render: row => <StatusChip status={row.status} />,
  },
  { title: 'Date', field: 'date', render: row => formatDate(row.date) ?? '' },
  {
    title: 'Owner',
    field: 'owner',
    render: row => (row.owner ? <EntityRefLink entityRef={row.owner} /> : ''),
  },
  {
    title: 'Decides about',
    render: row => <EntityRefLinks entityRefs={row.about} />,
  },
];

/** Every ADR in the organisation, filterable. */
export function DecisionsPage() {
  return (
    <PavedCardRoot id={CARD_ANCHORS.decisions}>
      <Decisions />
    </PavedCardRoot>
  );
}

const useStyles = makeStyles(theme => ({
  filters: { padding: theme.spacing(2) },
}));

function Decisions() {
  const classes = useStyles();
  const catalogApi = useApi(catalogApiRef);
  const [filters, setFilters] = useState<DecisionFilters>({});
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: ADR_KIND },
    });
    return items
      .filter((e: Entity): e is AdrEntityV1alpha1 => isAdrEntity(e))
      .map(toDecisionRow)
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  }, [catalogApi]);
  const rows = useMemo(() => value ?? [], [value]);
  const options = useMemo(() => decisionFilterOptions(rows), [rows]);
  const set = (patch: DecisionFilters) => setFilters({ ...filters, ...patch });

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!rows.length) {
    return (
      <EmptyState
        missing="data"
        title="No decisions in the catalog yet"
        description="Add the paved.dev/adr-location annotation to a component or system, pointing at its ADR folder (for example dir:./docs/adr), and the catalog imports its ADRs."
      />
    );
  }
  return (
    <Content>
      <Grid container spacing={2}>
        <Grid item xs={12}>
          {/* On paper: the labels' secondary text colour reads there
              (on the page background it misses WCAG AA contrast). */}
          <Paper
            role="group"
            aria-label="Filter decisions"
            className={classes.filters}
          >
            <Grid container spacing={2}>
              <Grid item xs={12} md={2}>
                <FilterSelect
                  idPrefix="decisions-filter"
                  label="Status"
                  value={filters.status}
                  options={options.statuses}
                  onChange={status => set({ status })}
                />
              </Grid>
              <Grid item xs={12} md={3}>
                <FilterSelect
                  idPrefix="decisions-filter"
                  label="Owner"
                  value={filters.owner}
                  options={options.owners}
                  onChange={owner => set({ owner })}
                />
              </Grid>
              <Grid item xs={12} md={3}>
                <FilterSelect
                  idPrefix="decisions-filter"
                  label="Decides about"
                  value={filters.about}
                  options={options.about}
                  onChange={about => set({ about })}
                />
              </Grid>
              <Grid item xs={6} md={2}>
                <TextField
                  fullWidth
                  type="date"
                  id="decisions-filter-from"
                  label="From"
                  InputLabelProps={{ shrink: true }}
                  value={filters.from ?? ''}
                  onChange={e => set({ from: e.target.value || undefined })}
                />
              </Grid>
              <Grid item xs={6} md={2}>
                <TextField
                  fullWidth
                  type="date"
                  id="decisions-filter-to"
                  label="To"
                  InputLabelProps={{ shrink: true }}
                  value={filters.to ?? ''}
                  onChange={e => set({ to: e.target.value || undefined })}
                />
              </Grid>
            </Grid>
          </Paper>
        </Grid>
        <Grid item xs={12} component="section" aria-label="Decisions">
          <Table<DecisionRow>
            title={`Decisions (${filterDecisions(rows, filters).length})`}
            // Not draggable: a draggable header is a focusable handle inside the
            // sort button (axe: nested-interactive).
            options={{
              paging: true,
              pageSize: 20,
              search: true,
              draggable: false,
            }}
            columns={columns}
            data={filterDecisions(rows, filters)}
          />
        </Grid>
      </Grid>
    </Content>
  );
}
