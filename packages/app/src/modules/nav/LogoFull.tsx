import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 30 },
  text: {
    fill: '#7df3e1',
    fontFamily: 'Helvetica, Arial, sans-serif',
    fontWeight: 700,
  },
});

/** The Paved wordmark for the expanded sidebar. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 200 48"
      role="img"
      aria-label="Paved"
    >
      <rect x="0" y="8" width="32" height="32" rx="6" fill="#7df3e1" />
      <path d="M6 32 L16 14 L26 32 Z" fill="#151515" />
      <text x="42" y="37" fontSize="34" className={classes.text}>
        Paved
      </text>
    </svg>
  );
};
