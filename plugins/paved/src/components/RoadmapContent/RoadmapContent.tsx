import { Entity } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  findBlockedItems,
  isRoadmapEntity,
  RoadmapItem,
  RoadmapProgress,
} from '@paved/plugin-paved-common';
import { CARD_ANCHORS } from '../common/anchors';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { StatusChip } from '../common/StatusChip';
import { adrLink, componentLink, ItemLink, runbookLink } from './itemLinks';

const useStyles = makeStyles({
  // A plain list of links, one a line, as the cell had before it was a list.
  links: { listStyle: 'none', margin: 0, padding: 0 },
});

function ProgressLine(props: { progress: RoadmapProgress; label: string }) {
  const { done, total } = props.progress;
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    // A named group (aria-label on a bare div is not allowed); the bar
    // carries its own name, as every progressbar must.
    <div role="group" aria-label={`${props.label} progress`}>
      <Typography variant="body2">
        {total ? `${done} of ${total} tasks done (${percent}%)` : 'No tasks'}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={`${props.label} tasks done`}
      />
    </div>
  );
}

/** A list of links (or text, when there is nowhere to link to). */
function Links(props: { label: string; links: ItemLink[] }) {
  const classes = useStyles();
  if (!props.links.length) return null;
  return (
    <ul aria-label={props.label} className={classes.links}>
      {props.links.map(l => (
        <li key={`${l.text}|${l.href ?? ''}`}>
          {l.href ? <Link to={l.href}>{l.text}</Link> : l.text}
        </li>
      ))}
    </ul>
  );
}

function itemColumns(roadmap: Entity): TableColumn<RoadmapItem>[] {
  return [
    { title: 'ID', field: 'id', width: '8%' },
    { title: 'Item', field: 'title' },
    {
      title: 'Status',
      field: 'status',
      render: item => <StatusChip status={item.status} />,
    },
    { title: 'Priority', field: 'priority' },
    { title: 'Estimate', field: 'estimate' },
    {
      title: 'Tasks',
      render: item =>
        item.progress.total
          ? `${item.progress.done}/${item.progress.total}`
          : '',
    },
    {
      title: 'Depends on',
      render: item => (item.dependsOn ?? []).join(', '),
    },
    {
      title: 'Rests on',
      render: item => (
        <>
          <Links
            label={`ADRs of ${item.id}`}
            links={(item.adrs ?? []).map(a => adrLink(a, roadmap))}
          />
          <Links
            label={`Runbooks of ${item.id}`}
            links={(item.runbooks ?? []).map(runbookLink)}
          />
        </>
      ),
    },
    {
      title: 'Changes',
      render: item => (
        <Links
          label={`Components ${item.id} changes`}
          links={(item.components ?? []).map(componentLink)}
        />
      ),
    },
  ];
}

/** The body of a Roadmap's entity page: progress, items and blockers. */
export function RoadmapContent() {
  return (
    <PavedCardRoot id={CARD_ANCHORS.roadmap}>
      <Roadmap />
    </PavedCardRoot>
  );
}

function Roadmap() {
  const { entity } = useEntity();
  if (!isRoadmapEntity(entity)) {
    return (
      <WarningPanel title="Not a roadmap">
        This content shows entities of kind Roadmap (paved.dev/v1alpha1).
      </WarningPanel>
    );
  }
  const { phases, progress } = entity.spec;
  const blocked = findBlockedItems(phases);
  const columns = itemColumns(entity);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard title="Progress">
          {progress && <ProgressLine progress={progress} label="Roadmap" />}
          <Typography variant="body2">
            {phases.length} phases,{' '}
            {phases.reduce((n, p) => n + p.items.length, 0)} items
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Blocked">
          {blocked.length === 0 ? (
            <Typography variant="body2">Nothing is blocked.</Typography>
          ) : (
            <ul aria-label="Blocked items">
              {blocked.map(b => (
                <li key={b.item.id}>
                  <strong>{b.item.id}</strong> {b.item.title}
                  {b.blockedBy.length
                    ? ` — waits on ${b.blockedBy
                        .map(d => `${d.id}${d.status ? ` (${d.status})` : ''}`)
                        .join(', ')}`
                    : ' — marked blocked'}
                  {b.item.adrs?.length ? (
                    <span
                      role="group"
                      aria-label={`Decisions ${b.item.id} rests on`}
                    >
                      {' · rests on '}
                      {b.item.adrs.map((a, i) => {
                        const link = adrLink(a, entity);
                        return (
                          <span key={a}>
                            {i > 0 && ', '}
                            {link.href ? (
                              <Link to={link.href}>{link.text}</Link>
                            ) : (
                              link.text
                            )}
                          </span>
                        );
                      })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </InfoCard>
      </Grid>
      {phases.map(phase => (
        <Grid item xs={12} key={phase.title}>
          <Table<RoadmapItem>
            title={phase.title}
            subtitle={
              phase.progress.total
                ? `${phase.progress.done}/${phase.progress.total} tasks done`
                : undefined
            }
            // Not draggable: a draggable header is a focusable handle inside
            // the sort button (axe: nested-interactive).
            options={{
              paging: false,
              search: false,
              padding: 'dense',
              draggable: false,
            }}
            columns={columns}
            data={phase.items}
          />
        </Grid>
      ))}
    </Grid>
  );
}
