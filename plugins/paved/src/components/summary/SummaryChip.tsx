import CircularProgress from '@material-ui/core/CircularProgress';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { Tone, ToneIcon, toneColour } from '../common/tones';
import { ChipState, SummaryChipModel } from './summarize';

export const STATE_LABEL: Record<ChipState, string> = {
  ok: 'OK',
  warning: 'Warning',
  error: 'Error',
  unknown: 'Unknown',
  loading: 'Checking…',
  'not-configured': 'Not configured',
};

const STATE_TONE: Record<ChipState, Tone> = {
  ok: 'ok',
  warning: 'warning',
  error: 'error',
  unknown: 'unknown',
  loading: 'neutral',
  'not-configured': 'neutral',
};

const useStyles = makeStyles(theme => ({
  chip: ({ tone }: { tone: Tone }) => ({
    listStyle: 'none',
    minWidth: 0,
    border: `1px solid ${theme.palette.divider}`,
    borderLeft: `6px solid ${toneColour(theme, tone)}`,
    borderRadius: theme.shape.borderRadius,
  }),
  icon: ({ tone }: { tone: Tone }) => ({ color: toneColour(theme, tone) }),
  link: {
    display: 'block',
    height: '100%',
    padding: theme.spacing(1, 1.5),
    color: theme.palette.text.primary,
    textDecoration: 'none',
    borderRadius: theme.shape.borderRadius,
    '&:hover': { backgroundColor: theme.palette.action.hover },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
  },
  title: { fontWeight: 600 },
  state: { marginLeft: 'auto', whiteSpace: 'nowrap' },
  value: { fontWeight: 500, marginTop: theme.spacing(0.5) },
  finding: {
    marginTop: theme.spacing(0.5),
    overflowWrap: 'anywhere',
    color: theme.palette.text.secondary,
  },
}));

/**
 * One status chip: the area, its state (an icon, a colour from the theme
 * and the word, so colour is never the only cue), its headline figure and
 * its worst finding; the whole chip links to the detail.
 */
export function SummaryChip(props: { chip: SummaryChipModel }) {
  const { chip } = props;
  const tone = STATE_TONE[chip.state];
  const classes = useStyles({ tone });
  return (
    <li
      className={classes.chip}
      data-testid={`summary-${chip.key}`}
      data-state={chip.state}
      aria-busy={chip.state === 'loading' || undefined}
    >
      <a className={classes.link} href={chip.href}>
        <span className={classes.head}>
          {chip.state === 'loading' ? (
            <CircularProgress size={16} aria-hidden="true" />
          ) : (
            <ToneIcon tone={tone} className={classes.icon} />
          )}
          <Typography
            component="span"
            variant="body2"
            className={classes.title}
          >
            {chip.title}
          </Typography>
          <Typography
            component="span"
            variant="caption"
            className={classes.state}
          >
            {STATE_LABEL[chip.state]}
          </Typography>
        </span>
        {chip.value && (
          <Typography
            component="span"
            variant="body1"
            display="block"
            className={classes.value}
          >
            {chip.value}
          </Typography>
        )}
        {chip.finding && (
          <Typography
            component="span"
            variant="body2"
            display="block"
            className={classes.finding}
          >
            {chip.finding}
          </Typography>
        )}
      </a>
    </li>
  );
}
