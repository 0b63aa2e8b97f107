import { CompoundEntityRef } from '@backstage/catalog-model';
import { CopyTextButton, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  EvidenceEvent,
  EvidencePart,
  PreviousLog,
} from '@paved/plugin-paved-common';
import useAsync from 'react-use/esm/useAsync';
import { pavedEvidenceApiRef, PavedEvidenceTarget } from '../../api';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { SectionTitle } from '../common/CardText';
import { ClusterErrorMessage } from '../common/clusters/ClusterErrorMessage';

const useStyles = makeStyles(theme => ({
  log: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    background: theme.palette.background.default,
    padding: theme.spacing(1),
    margin: 0,
    maxHeight: '50vh',
    overflow: 'auto',
  },
  command: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    overflowWrap: 'anywhere',
  },
  event: {
    padding: theme.spacing(0.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
}));

/** A kubectl command with a copy button, to reproduce the read. */
function Command(props: { label: string; command: string }) {
  const classes = useStyles();
  return (
    <div className={classes.command}>
      <code aria-label={props.label}>{props.command}</code>
      <CopyTextButton text={props.command} aria-label={`Copy ${props.label}`} />
    </div>
  );
}

function PreviousLogSection(props: {
  part: EvidencePart<PreviousLog>;
  container?: string;
}) {
  const classes = useStyles();
  const { part } = props;
  if (!part.ok) return <ClusterErrorMessage error={part.error} />;
  const log = part.value;
  if (!log.found) {
    return <Typography variant="body2">{log.message}</Typography>;
  }
  if (log.lines.length === 0) {
    return (
      <Typography variant="body2">
        The previous container of {props.container} wrote nothing to its log.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        Last {log.lines.length} line{log.lines.length === 1 ? '' : 's'} (at most{' '}
        {log.tailLines} lines and {log.limitBytes} bytes)
        {log.truncated
          ? '; cut at the byte limit, the first line may be partial'
          : ''}
        {log.redactedLines
          ? `; ${log.redactedLines} line${
              log.redactedLines === 1 ? '' : 's'
            } had credentials redacted`
          : ''}
        .
      </Typography>
      <pre className={classes.log} aria-label="Previous container log">
        {log.lines.join('\n')}
      </pre>
    </>
  );
}

function EventsSection(props: {
  part: EvidencePart<EvidenceEvent[]>;
  kind: string;
}) {
  const classes = useStyles();
  const { part } = props;
  if (!part.ok) return <ClusterErrorMessage error={part.error} />;
  if (part.value.length === 0) {
    return (
      <Typography variant="body2">
        No events about this {props.kind}. The cluster keeps events for an hour
        by default.
      </Typography>
    );
  }
  return (
    <ul
      aria-label="Events"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {part.value.map((e, i) => (
        <li key={i} className={classes.event}>
          <Typography variant="body2" component="div">
            <strong>{e.reason}</strong> · {e.type}
            {e.count > 1 ? ` · ×${e.count}` : ''}
            {e.lastSeen ? ` · ${e.lastSeen}` : ''}
            {e.source ? ` · ${e.source}` : ''}
          </Typography>
          <Typography variant="body2" color="textSecondary" component="div">
            {e.message}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

/**
 * The drawer's body: reads the evidence when it mounts (the drawer opens),
 * then shows the previous log (Pods), the events and the kubectl commands.
 */
export function EvidenceContent(props: {
  entity: CompoundEntityRef;
  target: PavedEvidenceTarget;
}) {
  const { entity, target } = props;
  const api = useApi(pavedEvidenceApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEvidence(entity, target),
    [api, entity.kind, entity.namespace, entity.name, ...Object.values(target)],
  );
  if (loading) return <Progress />;
  if (error) {
    // The backend's words add to a refusal; elsewhere they are the message.
    return (
      <ApiErrorPanel
        error={error}
        showBackendMessage={e => e.statusCode === 403}
      />
    );
  }
  if (!value) return null;
  return (
    <>
      {value.error && <ClusterErrorMessage error={value.error} />}
      {value.previousLog && (
        <section aria-label="Previous log">
          <SectionTitle>Previous log of {value.container}</SectionTitle>
          <PreviousLogSection
            part={value.previousLog}
            container={value.container}
          />
        </section>
      )}
      {value.events && (
        <section aria-label="Events">
          <SectionTitle>Events</SectionTitle>
          <EventsSection part={value.events} kind={value.object.kind} />
        </section>
      )}
      <section aria-label="kubectl">
        <SectionTitle>The same reads with kubectl</SectionTitle>
        {value.commands.previousLog && (
          <Command
            label="kubectl logs command"
            command={value.commands.previousLog}
          />
        )}
        <Command
          label="kubectl get events command"
          command={value.commands.events}
        />
      </section>
    </>
  );
}
