import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import HelpIcon from '@material-ui/icons/Help';
import InfoIcon from '@material-ui/icons/Info';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import WarningIcon from '@material-ui/icons/Warning';

/**
 * What a status means, whatever it is called where it comes from (a health
 * problem's severity, a claim's status, a condition). Every chip and mark in
 * Paved takes its colour from the theme through its tone: no colour
 * literals, and both the light and the dark theme read.
 */
export type Tone = 'ok' | 'warning' | 'error' | 'info' | 'unknown' | 'neutral';

function toneColour(theme: Theme, tone: Tone): string {
  const dark = theme.palette.type === 'dark';
  switch (tone) {
    case 'ok':
      return dark ? theme.palette.success.light : theme.palette.success.dark;
    case 'warning':
      return dark ? theme.palette.warning.light : theme.palette.warning.dark;
    case 'error':
      return dark ? theme.palette.error.light : theme.palette.error.dark;
    case 'info':
      return dark ? theme.palette.info.light : theme.palette.info.dark;
    default:
      return theme.palette.text.secondary;
  }
}

/** The tone's colour in the current theme, for icons, borders and charts. */
export { toneColour };

const useStyles = makeStyles(theme => {
  const tone = (t: Tone) => ({
    borderColor: toneColour(theme, t),
    // Text stays the theme's own colour: contrast holds in both themes; the
    // tone is carried by the border, the icon and the word itself.
    color: theme.palette.text.primary,
    '& $icon': { color: toneColour(theme, t) },
  });
  return {
    icon: {},
    ok: tone('ok'),
    warning: tone('warning'),
    error: { ...tone('error'), borderWidth: 2 },
    info: tone('info'),
    unknown: tone('unknown'),
    neutral: tone('neutral'),
  };
});

/** Class names per tone, for an outlined MUI Chip (its border and icon). */
export function useToneClasses() {
  return useStyles();
}

const ICONS: Record<Tone, typeof CheckCircleIcon> = {
  ok: CheckCircleIcon,
  warning: WarningIcon,
  error: ErrorIcon,
  info: InfoIcon,
  unknown: HelpIcon,
  neutral: RemoveCircleOutlineIcon,
};

/** The tone's icon, coloured from the theme; decorative (the text says it). */
export function ToneIcon(props: { tone: Tone; className?: string }) {
  const Icon = ICONS[props.tone];
  return (
    <Icon fontSize="small" className={props.className} aria-hidden="true" />
  );
}
