import Chip from '@material-ui/core/Chip';
import { Tone, ToneIcon, useToneClasses } from './tones';

// One tone per meaning, shared by ADR and roadmap statuses.
const TONES: Record<string, Tone> = {
  accepted: 'ok',
  done: 'ok',
  'in-progress': 'info',
  proposed: 'info',
  blocked: 'error',
};

/** A small chip naming a status; the label is the status itself. */
export function StatusChip(props: { status: string }) {
  const { status } = props;
  const classes = useToneClasses();
  const tone = TONES[status] ?? 'neutral';
  return (
    <Chip
      size="small"
      label={status}
      variant="outlined"
      className={classes[tone]}
      icon={<ToneIcon tone={tone} className={classes.icon} />}
      data-testid={`status-${status}`}
    />
  );
}
