import Typography from '@material-ui/core/Typography';

/** The sentence every card says when it has no cluster to read. */
export const NO_CLUSTERS_CONFIGURED =
  'No clusters configured in kubernetes.clusterLocatorMethods, or none you may list (kubernetes.clusters.read).';

/**
 * The shared empty state for "no cluster to read": none configured, none
 * the user may list, or (with `wanted`) the one the entity names is missing.
 */
export function NoClustersConfigured(props: {
  /** The cluster an annotation names, when the entity names one. */
  wanted?: string;
  /** The annotation that names it. */
  annotation?: string;
}) {
  const { wanted, annotation } = props;
  return (
    <Typography variant="body2" data-testid="no-clusters">
      {wanted
        ? `The cluster '${wanted}'${
            annotation ? ` named in ${annotation}` : ''
          } is not configured in kubernetes.clusterLocatorMethods, or you cannot see it.`
        : NO_CLUSTERS_CONFIGURED}
    </Typography>
  );
}
