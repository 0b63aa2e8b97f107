import Chip from '@material-ui/core/Chip';

// One colour per meaning, shared by ADR and roadmap statuses.
const TONES: Record<string, 'default' | 'primary' | 'secondary'> = {
  accepted: 'primary',
  done: 'primary',
  'in-progress': 'secondary',
  proposed: 'secondary',
  blocked: 'secondary',
};

/** A small chip naming a status; the label is the status itself. */
export function StatusChip(props: { status: string }) {
  const { status } = props;
  return (
    <Chip
      size="small"
      label={status}
      color={TONES[status] ?? 'default'}
      variant={status === 'blocked' ? 'default' : 'outlined'}
      style={status === 'blocked' ? { backgroundColor: '#f9dcdc' } : {}}
      data-testid={`status-${status}`}
    />
  );
}
