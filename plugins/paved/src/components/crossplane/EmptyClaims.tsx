import Typography from '@material-ui/core/Typography';
import { CROSSPLANE_ANNOTATIONS } from '@paved/plugin-paved-common';

/** No claims found: say exactly what to configure. */
export function EmptyClaims(props: { labelSelector: string }) {
  return (
    <Typography variant="body2">
      No Crossplane claims found for this entity. Add the annotation{' '}
      <code>{CROSSPLANE_ANNOTATIONS.claims}</code> (for example{' '}
      <code>PostgreSQLInstance.platform.example.org/my-namespace/my-db</code>;
      optionally <code>{CROSSPLANE_ANNOTATIONS.cluster}</code> and{' '}
      <code>{CROSSPLANE_ANNOTATIONS.namespace}</code>), or label the claims{' '}
      <code>{props.labelSelector}</code>.
    </Typography>
  );
}
