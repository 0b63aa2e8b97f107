import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatPercent } from '../format';
import { ChartFigure, useChartTheme } from './ChartFigure';

/** One bar group: a node (or a cluster) and what is requested of what it allocates. */
export interface CapacityRow {
  name: string;
  requested: number;
  allocatable: number;
}

/**
 * Requested against allocatable per node (or per cluster), CPU or memory:
 * two bars per row, values on the axis and in the tooltip through `format`.
 */
export function CapacityChart(props: {
  rows: CapacityRow[];
  label: string;
  format: (value: number) => string;
  height?: number;
}) {
  const { rows, label, format } = props;
  const height = props.height ?? 180;
  const chart = useChartTheme();
  return (
    <ChartFigure
      label={label}
      rows={rows}
      rowKey={r => r.name}
      columns={[
        { header: 'Name', value: r => r.name },
        { header: 'Requested', value: r => format(r.requested) },
        { header: 'Allocatable', value: r => format(r.allocatable) },
        {
          header: 'Share requested',
          value: r =>
            formatPercent(r.allocatable > 0 ? r.requested / r.allocatable : 0),
        },
      ]}
    >
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 480, height }}
      >
        <BarChart
          data={rows}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke={chart.grid} />
          <XAxis
            dataKey="name"
            tick={chart.tick}
            stroke={chart.axis}
            interval={0}
            tickFormatter={(n: string) => n.replace(/^.*-(?=[^-]+-[^-]+$)/, '')}
          />
          <YAxis
            tick={chart.tick}
            stroke={chart.axis}
            width={64}
            tickFormatter={(v: number) => format(v)}
          />
          <Tooltip
            {...chart.tooltip}
            formatter={(v: unknown, name: unknown) => [
              typeof v === 'number' ? format(v) : String(v),
              String(name),
            ]}
          />
          <Legend wrapperStyle={{ fontSize: 12, color: chart.axis }} />
          <Bar
            dataKey="requested"
            name="Requested"
            fill={chart.series[0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="allocatable"
            name="Allocatable"
            fill={chart.series[1]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
