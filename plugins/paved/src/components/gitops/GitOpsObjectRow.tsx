import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  GitOpsHealth,
  GitOpsObjectStatus,
  GitOpsSync,
} from '@paved/plugin-paved-common';
import { formatInstant, formatRelativeTime, userZone } from '../common/format';
import { Tone, ToneIcon, useToneClasses } from '../common/tones';

const SYNC_TONE: Record<GitOpsSync, Tone> = {
  Synced: 'ok',
  OutOfSync: 'warning',
  Unknown: 'unknown',
};

const HEALTH_TONE: Record<GitOpsHealth, Tone> = {
  Healthy: 'ok',
  Progressing: 'info',
  Degraded: 'error',
  Missing: 'error',
  Suspended: 'neutral',
  Unknown: 'unknown',
};

const TOOL_NAME = { argocd: 'Argo CD', flux: 'Flux' } as const;

function StateChip(props: { label: string; tone: Tone; testId: string }) {
  const classes = useToneClasses();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={props.label}
      className={classes[props.tone]}
      icon={<ToneIcon tone={props.tone} className={classes.icon} />}
      data-testid={props.testId}
    />
  );
}

/** A Git commit as its first seven characters; tags and chart versions as they are. */
export function shortRevision(revision: string): string {
  const sha = revision.match(/^(?:(.*)@sha\d*:)?([0-9a-f]{40,64})$/);
  if (!sha) return revision;
  return `${sha[1] ? `${sha[1]}@` : ''}${sha[2].slice(0, 7)}`;
}

const useStyles = makeStyles(theme => ({
  row: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    alignItems: 'center',
  },
  message: { overflowWrap: 'anywhere' },
}));

/** One Application, Kustomization or HelmRelease: name, sync, health, revision, last sync and message. */
export function GitOpsObjectRow(props: { object: GitOpsObjectStatus }) {
  const { object } = props;
  const classes = useStyles();
  const label = `${object.kind} ${object.namespace}/${object.name}`;
  const synced = formatRelativeTime(object.lastSyncTime);
  return (
    <section aria-label={label} className={classes.row}>
      <div className={classes.head}>
        <Typography variant="body2" component="span">
          <strong>{label}</strong> · {TOOL_NAME[object.tool]}
        </Typography>
        <StateChip
          label={object.sync}
          tone={SYNC_TONE[object.sync]}
          testId={`gitops-sync-${object.sync}`}
        />
        <StateChip
          label={object.health}
          tone={HEALTH_TONE[object.health]}
          testId={`gitops-health-${object.health}`}
        />
      </div>
      <Typography variant="body2" component="div" color="textSecondary">
        {object.revision ? (
          <span title={object.revision}>
            Revision {shortRevision(object.revision)}
          </span>
        ) : (
          'No revision applied yet'
        )}
        {object.attemptedRevision
          ? ` · tried ${shortRevision(object.attemptedRevision)}`
          : ''}
        {synced && object.lastSyncTime ? (
          <>
            {' · '}
            <time
              dateTime={object.lastSyncTime}
              title={formatInstant(object.lastSyncTime, userZone())}
            >
              {object.tool === 'argocd' ? 'last synced' : 'ready changed'}{' '}
              {synced}
            </time>
          </>
        ) : (
          ''
        )}
        {object.source ? ` · ${object.source}` : ''}
      </Typography>
      {object.message && (
        <Typography variant="body2" component="div" className={classes.message}>
          {object.message}
        </Typography>
      )}
    </section>
  );
}
