import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { PavedClusterResult } from '../../../api';
import { NoClustersConfigured } from '../NoClustersConfigured';
import { ClusterErrorMessage } from './ClusterErrorMessage';
import { LatencyFact } from './LatencyFact';

/**
 * One cluster's part of a card: its name as a heading, the API server's
 * latency, then what it answered or why it could not.
 */
export function ClusterSection<T>(props: {
  /** The section's accessible name ("GitOps in prod-eu-1"). */
  label: string;
  result: PavedClusterResult<T>;
  children: (data: T) => ReactNode;
  /** Space below the section (default true). */
  spaced?: boolean;
}) {
  const { label, result, children, spaced = true } = props;
  return (
    <section
      aria-label={label}
      style={spaced ? { marginBottom: 16 } : undefined}
    >
      <Typography variant="h6" component="h3">
        {result.cluster}
      </Typography>
      <LatencyFact latency={result.apiLatency} />
      {result.ok ? (
        children(result.data)
      ) : (
        <ClusterErrorMessage error={result.error} />
      )}
    </section>
  );
}

const byName = (a: { cluster: string }, b: { cluster: string }) =>
  a.cluster.localeCompare(b.cluster);

/**
 * Every cluster's section, by name unless `order` says otherwise, or the
 * shared empty state when there is no cluster to read.
 */
export function ClusterSections<T>(props: {
  results: PavedClusterResult<T>[];
  /** Each section's accessible name, from its cluster's name. */
  label: (cluster: string) => string;
  children: (data: T, cluster: string) => ReactNode;
  order?: (a: PavedClusterResult<T>, b: PavedClusterResult<T>) => number;
  /** What to say with no cluster (default: none configured). */
  empty?: ReactNode;
  spaced?: boolean;
}) {
  const { results, label, children, order = byName, spaced } = props;
  if (results.length === 0)
    return <>{props.empty ?? <NoClustersConfigured />}</>;
  return (
    <>
      {[...results].sort(order).map(result => (
        <ClusterSection
          key={result.cluster}
          label={label(result.cluster)}
          result={result}
          spaced={spaced}
        >
          {data => children(data, result.cluster)}
        </ClusterSection>
      ))}
    </>
  );
}
