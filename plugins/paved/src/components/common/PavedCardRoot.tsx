import { darken, lighten, makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  root: {
    // Error text reads in both themes: the theme's error colour, lightened
    // on dark paper and darkened on light paper, for WCAG AA contrast.
    '& .MuiTypography-colorError': {
      color:
        theme.palette.type === 'dark'
          ? lighten(theme.palette.error.main, 0.6)
          : darken(theme.palette.error.main, 0.15),
    },
  },
}));

/** The root of every Paved card and tab: its anchor id and shared text colours. */
export function PavedCardRoot(props: { id: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <div id={props.id} className={classes.root}>
      {props.children}
    </div>
  );
}
