import { ResponseErrorPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { PavedHealthError } from '../../api';

/**
 * The card's own call failed. Known statuses get a compact message saying
 * what to do; anything else gets Backstage's error panel with details.
 */
export function CardError(props: { error: Error }) {
  const { error } = props;
  if (error instanceof PavedHealthError && error.statusCode !== 500) {
    return (
      <div role="alert">
        <Typography variant="body2" color="error">
          {error.message}
        </Typography>
        {error.backendMessage && (
          <Typography variant="body2" color="textSecondary">
            {error.backendMessage}
          </Typography>
        )}
      </div>
    );
  }
  return <ResponseErrorPanel error={error} />;
}
