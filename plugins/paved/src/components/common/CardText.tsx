import Typography from '@material-ui/core/Typography';

/** A label and its value on one line. */
export function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <Typography variant="body2" component="div">
      <strong>{props.label}:</strong> {props.children}
    </Typography>
  );
}

/** A heading inside a card, spaced from what comes before. */
export function SectionTitle(props: { children: React.ReactNode }) {
  return (
    <Typography
      variant="subtitle2"
      component="h3"
      style={{ marginTop: 16, fontWeight: 600 }}
    >
      {props.children}
    </Typography>
  );
}
