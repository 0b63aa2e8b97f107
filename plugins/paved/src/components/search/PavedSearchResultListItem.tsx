import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type {
  PavedSearchDocument,
  PavedSearchDocumentKind,
} from '@paved/plugin-paved-common';
import type { ReactNode } from 'react';
import { StatusChip } from '../common/StatusChip';

const KIND_LABELS: Record<PavedSearchDocumentKind, string> = {
  adr: 'Decision',
  roadmap: 'Roadmap',
  'roadmap-item': 'Roadmap item',
};

/** `group:default/platform-team` to `platform-team`; other text as it is. */
export function ownerName(owner: string | undefined): string | undefined {
  if (!owner) return undefined;
  try {
    const ref = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return ref.namespace === 'default'
      ? ref.name
      : `${ref.namespace}/${ref.name}`;
  } catch {
    return owner;
  }
}

export interface PavedSearchResultListItemProps {
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
  icon?: ReactNode | ((result: SearchDocument) => ReactNode);
  lineClamp?: number;
}

function Highlighted(props: {
  field: 'title' | 'text';
  highlight?: ResultHighlight;
  fallback: string;
}) {
  const text = props.highlight?.fields[props.field];
  if (!text || !props.highlight) return <>{props.fallback}</>;
  return (
    <HighlightedSearchResultText
      text={text}
      preTag={props.highlight.preTag}
      postTag={props.highlight.postTag}
    />
  );
}

/**
 * A search result for an ADR, a roadmap or a roadmap item: its title as a
 * link, what it is, its status and its owner, and the matched text.
 */
export function PavedSearchResultListItem(
  props: PavedSearchResultListItemProps,
) {
  const result = props.result as
    | (SearchDocument & Partial<PavedSearchDocument>)
    | undefined;
  if (!result) return null;
  const kind = result.documentKind ? KIND_LABELS[result.documentKind] : 'ADR';
  const owner = ownerName(result.owner);
  const where =
    result.documentKind === 'roadmap-item'
      ? [result.roadmap, result.phase].filter(Boolean).join(' · ')
      : undefined;
  const icon =
    typeof props.icon === 'function' ? props.icon(result) : props.icon;
  return (
    <Box display="flex" data-testid="paved-search-result">
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <Box flexWrap="wrap" width="100%">
        <ListItemText
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              <Highlighted
                field="title"
                highlight={props.highlight}
                fallback={result.title}
              />
            </Link>
          }
          secondary={
            <>
              {where && (
                <Typography component="span" variant="body2" display="block">
                  {where}
                </Typography>
              )}
              <Typography
                component="span"
                color="textSecondary"
                variant="body2"
                style={{
                  display: '-webkit-box',
                  WebkitBoxOrient: 'vertical',
                  WebkitLineClamp: props.lineClamp ?? 3,
                  overflow: 'hidden',
                }}
              >
                <Highlighted
                  field="text"
                  highlight={props.highlight}
                  fallback={result.text}
                />
              </Typography>
            </>
          }
        />
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }} mb={2}>
          <Chip size="small" label={kind} />
          {result.number && (
            <Chip size="small" label={`ADR ${result.number}`} />
          )}
          {result.status && <StatusChip status={result.status} />}
          {owner && <Chip size="small" label={`Owner: ${owner}`} />}
        </Box>
      </Box>
    </Box>
  );
}
