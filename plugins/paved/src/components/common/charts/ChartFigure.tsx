import { makeStyles, useTheme } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles({
  figure: { margin: 0 },
  // Read by screen readers, not shown: the chart's figures as a table.
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    padding: 0,
    margin: -1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** A column of the chart's data table: its header and how a row reads. */
export interface ChartColumn<T> {
  header: string;
  value: (row: T) => string;
}

/**
 * A chart with an accessible name (`role="img"` and `aria-label`) and its
 * data as a visually hidden table, for screen readers and keyboard users
 * (the chart's tooltips need a pointer).
 */
export function ChartFigure<T>(props: {
  label: string;
  rows: T[];
  columns: ChartColumn<T>[];
  rowKey: (row: T) => string;
  children: ReactNode;
}) {
  const { label, rows, columns, rowKey } = props;
  const classes = useStyles();
  return (
    <figure className={classes.figure}>
      <div role="img" aria-label={label}>
        {props.children}
      </div>
      <table className={classes.visuallyHidden}>
        <caption>{label}</caption>
        <thead>
          <tr>
            {columns.map(c => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(row => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.header} scope="row">
                    {c.value(row)}
                  </th>
                ) : (
                  <td key={c.header}>{c.value(row)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Axis, grid and tooltip colours from the theme, for every Paved chart. */
export function useChartTheme() {
  const theme = useTheme();
  return {
    series: [
      theme.palette.primary.main,
      theme.palette.type === 'dark'
        ? theme.palette.grey[600]
        : theme.palette.grey[400],
    ],
    axis: theme.palette.text.secondary,
    grid: theme.palette.divider,
    tick: { fill: theme.palette.text.secondary, fontSize: 11 },
    tooltip: {
      contentStyle: {
        backgroundColor: theme.palette.background.paper,
        border: `1px solid ${theme.palette.divider}`,
        color: theme.palette.text.primary,
      },
      labelStyle: { color: theme.palette.text.primary },
      itemStyle: { color: theme.palette.text.primary },
      cursor: { fill: theme.palette.action.hover },
    },
  };
}
