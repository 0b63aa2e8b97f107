import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  MarkdownContent,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  EntityRefLink,
  EntityRefLinks,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  AdrEntityV1alpha1,
  isAdrEntity,
  RELATION_DECIDES_ABOUT,
} from '@paved/plugin-paved-common';
import { StatusChip } from '../common/StatusChip';
import { CARD_ANCHORS } from '../common/anchors';
import { formatDate } from '../common/formatDate';
import { PavedCardRoot } from '../common/PavedCardRoot';
import { relatedRefs } from './supersessionChain';
import { useSupersession } from './useSupersession';
import { AdrDocument, useAdrDocument } from './useAdrDocument';
import { isRelativeTarget } from './adrMarkdown';

const SECTIONS = ['context', 'decision', 'consequences'] as const;

/** Relative targets the record's file resolved; anything else as written. */
function resolver(map: Map<string, string> | undefined) {
  return (href: string) => {
    if (!isRelativeTarget(href)) return href;
    return map?.get(href) ?? '';
  };
}

function Section(props: {
  label: string;
  heading: string;
  markdown: string;
  document?: AdrDocument;
  capitalize?: boolean;
}) {
  return (
    <section aria-label={props.label}>
      {props.heading && (
        <Typography
          variant="h6"
          component="h2"
          style={props.capitalize ? { textTransform: 'capitalize' } : undefined}
        >
          {props.heading}
        </Typography>
      )}
      <MarkdownContent
        content={props.markdown}
        dialect="gfm"
        transformImageUri={resolver(props.document?.images)}
        transformLinkUri={resolver(props.document?.links)}
      />
    </section>
  );
}

/**
 * The record's text: the whole Markdown file when the ADR has one (every
 * section, tables, code, Mermaid as code, relative links and images), else
 * the context, decision and consequences stored on the entity.
 */
function RecordText(props: { entity: AdrEntityV1alpha1 }) {
  const { spec } = props.entity;
  const { value, loading, error } = useAdrDocument(props.entity);
  if (loading) return <Progress />;
  const stored = SECTIONS.map(name => ({ name, text: spec[name] })).filter(
    s => s.text,
  );
  if (value?.sections.length) {
    return (
      <>
        {value.sections.map((s, i) => (
          <Section key={`${i}-${s.label}`} {...s} document={value} />
        ))}
      </>
    );
  }
  return (
    <>
      {error && (
        <WarningPanel
          severity="info"
          title="Showing the stored sections only"
          message={`The record's Markdown file could not be read: ${error.message}`}
        />
      )}
      {stored.length === 0 && (
        <Typography variant="body2">
          The record has no context, decision or consequences sections.
        </Typography>
      )}
      {stored.map(s => (
        <Section
          key={s.name}
          label={s.name}
          heading={s.name}
          markdown={s.text!}
          capitalize
        />
      ))}
    </>
  );
}

function People(props: { label: string; names?: string[] }) {
  if (!props.names?.length) return null;
  return (
    <Typography variant="body2">
      <strong>{props.label}:</strong> {props.names.join(', ')}
    </Typography>
  );
}

function SupersessionChain(props: { entity: AdrEntityV1alpha1 }) {
  const { value, loading, error } = useSupersession(props.entity);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const chain = value ?? [props.entity];
  if (chain.length < 2) {
    return (
      <Typography variant="body2">
        Neither supersedes nor is superseded by another decision.
      </Typography>
    );
  }
  const self = stringifyEntityRef(props.entity);
  return (
    <ol aria-label="Supersession chain">
      {chain.map((adr: Entity) => {
        const ref = stringifyEntityRef(adr);
        const status = isAdrEntity(adr) ? adr.spec.status : undefined;
        return (
          <li key={ref}>
            {ref === self ? (
              <strong>{adr.metadata.title ?? adr.metadata.name} (this)</strong>
            ) : (
              <EntityRefLink entityRef={adr} />
            )}{' '}
            {status && <StatusChip status={status} />}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The ADR's page in TechDocs, from the annotations the importer sets when the
 * ADR folder is part of the owning entity's TechDocs
 * (`backstage.io/techdocs-entity` and `backstage.io/techdocs-entity-path`).
 */
export function adrTechDocsHref(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const docsEntity = annotations['backstage.io/techdocs-entity'];
  const page = annotations['backstage.io/techdocs-entity-path'];
  if (!docsEntity || !page) return undefined;
  try {
    const ref = parseEntityRef(docsEntity, { defaultNamespace: 'default' });
    const base = [ref.namespace, ref.kind, ref.name]
      .map(s => encodeURIComponent(s.toLocaleLowerCase('en-US')))
      .join('/');
    return `/docs/${base}/${page.replace(/^\/+/, '')}`;
  } catch {
    return undefined;
  }
}

/** The body of an ADR's entity page: status, people, text and links. */
export function AdrContent() {
  return (
    <PavedCardRoot id={CARD_ANCHORS.adr}>
      <Adr />
    </PavedCardRoot>
  );
}

function Adr() {
  const { entity } = useEntity();
  if (!isAdrEntity(entity)) {
    return (
      <WarningPanel title="Not an ADR">
        This content shows entities of kind ADR (paved.dev/v1alpha1).
      </WarningPanel>
    );
  }
  const { spec } = entity;
  const decidesAbout = relatedRefs(entity, RELATION_DECIDES_ABOUT);
  const docsHref = adrTechDocsHref(entity);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard title={entity.metadata.title ?? entity.metadata.name}>
          <Typography variant="body2" component="div">
            <StatusChip status={spec.status} />{' '}
            {spec.number !== undefined && `ADR ${spec.number} · `}
            {formatDate(spec.date) ?? 'No date recorded'}
          </Typography>
          {docsHref && (
            <Typography variant="body2">
              <Link to={docsHref}>Read in TechDocs</Link>
            </Typography>
          )}
          <People label="Deciders" names={spec.deciders} />
          <People label="Consulted" names={spec.consulted} />
          <People label="Informed" names={spec.informed} />
          <RecordText entity={entity} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Supersession">
          <SupersessionChain entity={entity} />
        </InfoCard>
        <InfoCard title="Decides about">
          {decidesAbout.length ? (
            <EntityRefLinks entityRefs={decidesAbout} />
          ) : (
            <Typography variant="body2">
              Nothing yet: name components, systems or roadmap items under
              `spec.decidesAbout`.
            </Typography>
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
