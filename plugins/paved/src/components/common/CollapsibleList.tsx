import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useId, useState } from 'react';

/**
 * A named list that shows its first `limit` items and collapses the rest
 * behind a button saying how many ("12 more failing objects"), which
 * expands and collapses it again. `omitted` counts items the backend
 * counted but did not send: they are said, not listed.
 */
export function CollapsibleList<T>(props: {
  items: T[];
  /** The list's accessible name. */
  label: string;
  /** Items shown while collapsed (default 5). */
  limit?: number;
  /** What the items are, plural and singular: ['failing objects', 'failing object']. */
  noun: [plural: string, singular: string];
  itemKey: (item: T, index: number) => string;
  renderItem: (item: T) => ReactNode;
  omitted?: number;
  listStyle?: React.CSSProperties;
  itemStyle?: React.CSSProperties;
}) {
  const { items, label, noun, itemKey, renderItem, omitted } = props;
  const limit = props.limit ?? 5;
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  // Collapsing a single item saves nothing: show it.
  const collapsible = items.length > limit + 1;
  const shown = collapsible && !expanded ? items.slice(0, limit) : items;
  const hidden = items.length - shown.length;
  const more = (n: number) => `${n} more ${n === 1 ? noun[1] : noun[0]}`;
  return (
    <>
      <ul id={id} aria-label={label} style={props.listStyle}>
        {shown.map((item, i) => (
          <li key={itemKey(item, i)} style={props.itemStyle}>
            {renderItem(item)}
          </li>
        ))}
      </ul>
      {collapsible && (
        <Button
          size="small"
          color="primary"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(e => !e)}
        >
          {expanded ? `Show fewer ${noun[0]}` : more(hidden)}
        </Button>
      )}
      {omitted ? (
        <Typography variant="body2" color="textSecondary">
          and {more(omitted)}, counted but not listed
        </Typography>
      ) : null}
    </>
  );
}
