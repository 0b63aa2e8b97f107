import { Progress } from '@backstage/core-components';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  CrossplaneClaimDetails,
  CrossplanePackageCondition,
  CrossplanePanel,
} from '@paved/plugin-paved-common';
import { ReactNode } from 'react';
import { Fact } from '../common/CardText';
import { ClaimDetailsLookup } from './useCrossplaneDetails';
import { Tone, toneColour, ToneIcon } from '../common/tones';

const TONE: Record<CrossplanePackageCondition['status'], Tone> = {
  True: 'ok',
  False: 'error',
  Unknown: 'warning',
  Absent: 'neutral',
};

function Condition(props: { name: string; c: CrossplanePackageCondition }) {
  const theme = useTheme();
  const { c } = props;
  return (
    <span title={c.message ?? c.reason}>
      {/* The icon carries the tone's theme colour; the text stays readable. */}
      <span style={{ color: toneColour(theme, TONE[c.status]) }}>
        <ToneIcon tone={TONE[c.status]} />
      </span>{' '}
      {props.name}: {c.status}
      {c.reason ? ` (${c.reason})` : ''}
    </span>
  );
}

/** One panel: a summary line that opens on what it holds, or why it could not be read. */
function Panel<T>(props: {
  title: string;
  panel: CrossplanePanel<T>;
  summary: (value: T) => string;
  children: (value: T) => ReactNode;
}) {
  const { panel, title } = props;
  const headline = panel.ok
    ? props.summary(panel.value)
    : `not readable${panel.statusCode ? ` (HTTP ${panel.statusCode})` : ''}`;
  return (
    <Accordion
      TransitionProps={{ unmountOnExit: true }}
      aria-label={`${title} panel`}
      component="section"
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">
          <strong>{title}</strong> · {headline}
        </Typography>
      </AccordionSummary>
      <AccordionDetails style={{ display: 'block' }}>
        {panel.ok ? (
          props.children(panel.value)
        ) : (
          <Typography variant="body2" color="error">
            {panel.problem}
          </Typography>
        )}
      </AccordionDetails>
    </Accordion>
  );
}

function Panels(props: { details: CrossplaneClaimDetails }) {
  const { xrd, composition, compositionRevision, providers, functions } =
    props.details;
  return (
    <>
      <Panel title="XRD" panel={xrd} summary={x => x.name}>
        {x => (
          <>
            <Fact label="Kind">
              {x.kind}
              {x.claimKind ? ` (claim ${x.claimKind})` : ''}
              {x.scope ? ` · ${x.scope}` : ''}
            </Fact>
            <Fact label="Conditions">
              <Condition name="Established" c={x.established} />{' '}
              <Condition name="Offered" c={x.offered} />
            </Fact>
            <ul aria-label={`Versions of ${x.name}`}>
              {x.versions.map(v => (
                <li key={v.name}>
                  <Typography variant="body2">
                    <strong>{v.name}</strong> ·{' '}
                    {v.served ? 'served' : 'not served'} ·{' '}
                    {v.referenceable ? 'referenceable' : 'not referenceable'}
                    {v.specProperties.length > 0 &&
                      ` · spec: ${v.specProperties.join(', ')}`}
                  </Typography>
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>
      {composition && (
        <Panel
          title="Composition"
          panel={composition}
          summary={c => `${c.name} · ${c.mode} mode`}
        >
          {c => (
            <>
              {c.compositeType && (
                <Fact label="Composes">{c.compositeType}</Fact>
              )}
              {c.mode === 'Pipeline' ? (
                <ol aria-label={`Pipeline of ${c.name}`}>
                  {c.steps.map(s => (
                    <li key={s.step}>
                      <Typography variant="body2">
                        {s.step} → function {s.functionRef || '(none)'}
                      </Typography>
                    </li>
                  ))}
                </ol>
              ) : (
                <Fact label="Resources">
                  {c.resources.join(', ') || 'none'}
                </Fact>
              )}
            </>
          )}
        </Panel>
      )}
      {compositionRevision && (
        <Panel
          title="Composition revision"
          panel={compositionRevision}
          summary={r =>
            `revision ${r.revision ?? '?'}${
              r.latestRevision !== undefined &&
              r.revision !== undefined &&
              r.latestRevision > r.revision
                ? ` (newest is ${r.latestRevision})`
                : ''
            }`
          }
        >
          {r => (
            <>
              <Fact label="Name">{r.name}</Fact>
              {r.mode && <Fact label="Mode">{r.mode}</Fact>}
              {r.latestRevision !== undefined && (
                <Fact label="Newest revision">{r.latestRevision}</Fact>
              )}
            </>
          )}
        </Panel>
      )}
      <Panel
        title="Providers"
        panel={providers}
        summary={p => {
          const unhealthy = p.providers.filter(
            x => x.healthy.status !== 'True',
          ).length;
          return `${p.providers.length} provider${
            p.providers.length === 1 ? '' : 's'
          }${unhealthy ? `, ${unhealthy} not healthy` : ''}`;
        }}
      >
        {p => (
          <>
            <ul aria-label="Providers">
              {p.providers.map(x => (
                <li key={x.name} aria-label={`Provider ${x.name}`}>
                  <Typography variant="body2" component="div">
                    <strong>{x.name}</strong>
                    {x.package ? ` · ${x.package}` : ''}
                  </Typography>
                  <Typography variant="body2" component="div">
                    <Condition name="Installed" c={x.installed} />{' '}
                    <Condition name="Healthy" c={x.healthy} />
                  </Typography>
                  {x.healthy.status === 'False' && x.healthy.message && (
                    <Typography variant="body2" color="error">
                      {x.healthy.message}
                    </Typography>
                  )}
                  <Typography variant="body2" color="textSecondary">
                    revision {x.revision ?? '?'}
                    {x.currentRevision ? ` (${x.currentRevision})` : ''} ·
                    serves {x.groups.join(', ')}
                  </Typography>
                </li>
              ))}
            </ul>
            {p.unmatchedGroups.length > 0 && (
              <Typography variant="body2" color="error">
                No installed provider serves {p.unmatchedGroups.join(', ')}
              </Typography>
            )}
          </>
        )}
      </Panel>
      {functions && (
        <Panel
          title="Functions"
          panel={functions}
          summary={fs => {
            const bad = fs.filter(f => f.healthy.status !== 'True').length;
            return `${fs.length} function${fs.length === 1 ? '' : 's'}${
              bad ? `, ${bad} not healthy or missing` : ''
            }`;
          }}
        >
          {fs => (
            <ul aria-label="Functions">
              {fs.map(f => (
                <li key={f.name} aria-label={`Function ${f.name}`}>
                  <Typography variant="body2" component="div">
                    <strong>{f.name}</strong>
                    {f.package ? ` · ${f.package}` : ''}
                    {f.found ? '' : ' · not installed'}
                  </Typography>
                  <Typography variant="body2" component="div">
                    <Condition name="Installed" c={f.installed} />{' '}
                    <Condition name="Healthy" c={f.healthy} /> · steps{' '}
                    {f.steps.join(', ')}
                  </Typography>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      )}
    </>
  );
}

/** What stands behind one claim, or why it could not be read. */
export function ClaimPanels(props: { found: ReturnType<ClaimDetailsLookup> }) {
  const { found } = props;
  if (!found) return null;
  if ('loading' in found) return <Progress />;
  if ('error' in found) {
    return (
      <Typography variant="body2" color="error">
        Could not read what stands behind this claim: {found.error}
      </Typography>
    );
  }
  return <Panels details={found.details} />;
}
