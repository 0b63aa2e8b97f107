import { ResponseErrorPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { PavedTenantError } from '../../api';

/**
 * The card's own call failed: known statuses get a compact message saying
 * what to do, anything else Backstage's error panel (as `CardError` does
 * for the health cards).
 */
export function TenantCardError(props: { error: Error }) {
  const { error } = props;
  if (error instanceof PavedTenantError && error.statusCode !== 500) {
    return (
      <div role="alert">
        <Typography variant="body2" color="error">
          {error.message}
        </Typography>
        {error.backendMessage && error.backendMessage !== error.message && (
          <Typography variant="body2" color="textSecondary">
            {error.backendMessage}
          </Typography>
        )}
      </div>
    );
  }
  return <ResponseErrorPanel error={error} />;
}
