import { DailyCost } from '@paved/plugin-paved-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney, formatShortDay } from '../format';
import { ChartFigure, useChartTheme } from './ChartFigure';

/**
 * Daily cost as bars with a date axis, a money axis and a tooltip per day.
 * A day without data is a gap (no bar), never a zero; the data table says
 * "unknown" for it.
 */
export function CostTrendChart(props: {
  daily: DailyCost[];
  currency: string;
  label?: string;
  height?: number;
}) {
  const { daily, currency } = props;
  const label = props.label ?? 'Daily cost';
  const height = props.height ?? 160;
  const chart = useChartTheme();
  const data = daily.map(d => ({
    date: d.date,
    day: formatShortDay(d.date),
    total: d.total,
  }));
  return (
    <ChartFigure
      label={label}
      rows={daily}
      rowKey={d => d.date}
      columns={[
        { header: 'Day', value: d => formatShortDay(d.date) },
        { header: 'Cost', value: d => formatMoney(d.total, currency) },
      ]}
    >
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 480, height }}
      >
        <BarChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke={chart.grid} />
          <XAxis
            dataKey="day"
            tick={chart.tick}
            stroke={chart.axis}
            interval="preserveStartEnd"
            minTickGap={16}
          />
          <YAxis
            tick={chart.tick}
            stroke={chart.axis}
            width={56}
            tickFormatter={(v: number) => formatMoney(v, currency)}
          />
          <Tooltip
            {...chart.tooltip}
            formatter={(v: unknown) => [
              formatMoney(typeof v === 'number' ? v : null, currency),
              'Cost',
            ]}
          />
          <Bar
            dataKey="total"
            name="Cost"
            fill={chart.series[0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
