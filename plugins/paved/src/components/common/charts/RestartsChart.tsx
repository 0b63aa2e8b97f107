import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount } from '../format';
import { ChartFigure, useChartTheme } from './ChartFigure';

/** One bar: a container (`pod/container`) or a Pod, and its restarts. */
export interface RestartsRow {
  name: string;
  restarts: number;
}

/** The Pod name's generated suffix and the container, short enough for an axis. */
function shortName(name: string): string {
  const [pod, container] = name.split('/');
  const suffix = pod.replace(/^.*-(?=[^-]+-[^-]+$)/, '');
  return container ? `${suffix}/${container}` : suffix;
}

const restartsText = (n: number) => formatCount(n, 'restart', 'restarts');

/**
 * Restarts per container as horizontal bars, most first: one row per
 * container, whole numbers on the axis, the full name in the tooltip and in
 * the data table.
 */
export function RestartsChart(props: { rows: RestartsRow[]; label: string }) {
  const { rows, label } = props;
  const chart = useChartTheme();
  const height = 40 + rows.length * 28;
  return (
    <ChartFigure
      label={label}
      rows={rows}
      rowKey={r => r.name}
      columns={[
        { header: 'Container', value: r => r.name },
        { header: 'Restarts', value: r => restartsText(r.restarts) },
      ]}
    >
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 480, height }}
      >
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke={chart.grid} />
          <XAxis
            type="number"
            allowDecimals={false}
            tick={chart.tick}
            stroke={chart.axis}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={160}
            interval={0}
            tick={chart.tick}
            stroke={chart.axis}
            tickFormatter={shortName}
          />
          <Tooltip
            {...chart.tooltip}
            formatter={(v: unknown) => [
              typeof v === 'number' ? restartsText(v) : String(v),
              'Restarts',
            ]}
          />
          <Bar
            dataKey="restarts"
            name="Restarts"
            fill={chart.series[0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
