import { ResponseErrorPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { PavedApiError } from '../../api/PavedApiError';

/**
 * A failed call to Paved's backend. Known statuses get a compact message
 * saying what to do, and under it the backend's own words where they add
 * something; anything else (a 500, an error that is not Paved's) gets
 * Backstage's error panel with details.
 */
export function ApiErrorPanel(props: {
  error: Error;
  /** Whether to show the backend's words under the message (default: when they differ from it). */
  showBackendMessage?: (error: PavedApiError) => boolean;
}) {
  const { error, showBackendMessage } = props;
  if (error instanceof PavedApiError && error.statusCode !== 500) {
    const { backendMessage } = error;
    const shown = showBackendMessage
      ? showBackendMessage(error)
      : backendMessage !== error.message;
    return (
      <div role="alert">
        <Typography variant="body2" color="error">
          {error.message}
        </Typography>
        {backendMessage && shown && (
          <Typography variant="body2" color="textSecondary">
            {backendMessage}
          </Typography>
        )}
      </div>
    );
  }
  return <ResponseErrorPanel error={error} />;
}
