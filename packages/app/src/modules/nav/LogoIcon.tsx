import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
});

/** The Paved mark for the collapsed sidebar. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 32"
      role="img"
      aria-label="Paved"
    >
      <rect x="0" y="0" width="32" height="32" rx="6" fill="#7df3e1" />
      <path d="M6 24 L16 6 L26 24 Z" fill="#151515" />
    </svg>
  );
};
