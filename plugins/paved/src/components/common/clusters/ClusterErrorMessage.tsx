import Typography from '@material-ui/core/Typography';
import { PavedClusterError } from '../../../api';

/** What to do about one cluster's error, in the user's terms. */
export function clusterErrorHint(error: PavedClusterError): string | undefined {
  switch (error.statusCode) {
    case 401:
      return 'The cluster did not accept the credentials: check its authProvider in kubernetes.clusterLocatorMethods, or sign in to its identity provider.';
    case 403:
      return 'The cluster refused the read: on clusters where you sign in with your own credentials, your account needs read access there (Paved itself needs no kubernetes.proxy for you).';
    case 404:
      return 'The cluster or one of its APIs was not found: check its url in kubernetes.clusterLocatorMethods.';
    default:
      break;
  }
  if (error.name === 'ClusterTimeoutError') {
    return 'The cluster did not answer in time (paved.clusterAccess.clusterTimeout).';
  }
  return undefined;
}

/** One cluster's error, compact, to sit beside other clusters' data. */
export function ClusterErrorMessage(props: { error: PavedClusterError }) {
  const { error } = props;
  const hint = clusterErrorHint(error);
  return (
    <div role="alert">
      <Typography variant="body2" color="error">
        {error.statusCode ? `${error.statusCode} · ` : ''}
        {error.message}
      </Typography>
      {hint && (
        <Typography variant="body2" color="textSecondary">
          {hint}
        </Typography>
      )}
    </div>
  );
}
