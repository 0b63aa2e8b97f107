import { renderInTestApp } from '@backstage/test-utils';
import { themes, UnifiedThemeProvider } from '@backstage/theme';
import { useTheme } from '@material-ui/core/styles';
import { screen, within } from '@testing-library/react';
import { CapacityChart } from './CapacityChart';
import { CostTrendChart } from './CostTrendChart';
import { RestartsChart } from './RestartsChart';
import { formatBytes, formatCpu } from '../format';

// recharts measures its container; in jsdom there is no ResizeObserver, so
// the charts keep their `initialDimension` (480 px wide) and draw at that size.

describe('CostTrendChart', () => {
  const daily = [
    { date: '2026-11-01', total: 1.8 },
    { date: '2026-11-02', total: null },
    { date: '2026-11-03', total: 12.5 },
  ];

  it('has an accessible name and its data as a table', async () => {
    await renderInTestApp(<CostTrendChart daily={daily} currency="USD" />);
    const chart = screen.getByRole('img', { name: 'Daily cost' });
    expect(chart.querySelector('svg')).not.toBeNull();
    const table = screen.getByRole('table', { name: 'Daily cost' });
    expect(
      within(table)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual(['DayCost', 'Nov 1$1.80', 'Nov 2unknown', 'Nov 3$13']);
  });

  it('draws a bar per known day, axes with money and dates, no colour literal', async () => {
    let primary = '';
    const Probe = () => {
      primary = useTheme().palette.primary.main;
      return null;
    };
    await renderInTestApp(
      <>
        <Probe />
        <CostTrendChart daily={daily} currency="USD" />
      </>,
    );
    const chart = screen.getByRole('img', { name: 'Daily cost' });
    // The unknown day is a gap: two bars, not three.
    expect(chart.querySelectorAll('.recharts-bar-rectangle path')).toHaveLength(
      2,
    );
    expect(chart).toHaveTextContent('Nov 1');
    expect(chart).toHaveTextContent('$');
    // Bars are filled from the theme's primary colour.
    const fill = chart
      .querySelector('.recharts-bar-rectangle path')
      ?.getAttribute('fill');
    expect(fill).toBe(primary);
  });
});

describe('CapacityChart', () => {
  it('names the chart and lists requested against allocatable per node', async () => {
    await renderInTestApp(
      <CapacityChart
        label="CPU requested vs allocatable per node"
        format={formatCpu}
        rows={[
          { name: 'worker-a', requested: 1.25, allocatable: 3.92 },
          { name: 'worker-b', requested: 0.25, allocatable: 2 },
        ]}
      />,
    );
    expect(
      screen.getByRole('img', {
        name: 'CPU requested vs allocatable per node',
      }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'CPU requested vs allocatable per node',
    });
    expect(
      within(table).getByRole('row', { name: /worker-a/ }),
    ).toHaveTextContent('worker-a1.25 cores3.92 cores31.9%');
    expect(
      within(table).getByRole('row', { name: /worker-b/ }),
    ).toHaveTextContent('worker-b250m2 cores12.5%');
  });

  it('formats memory with the shared byte format', async () => {
    await renderInTestApp(
      <CapacityChart
        label="Memory"
        format={formatBytes}
        rows={[{ name: 'n', requested: 2 ** 31, allocatable: 2 ** 33 }]}
      />,
    );
    expect(
      within(screen.getByRole('table', { name: 'Memory' })).getByRole('row', {
        name: /^n/,
      }),
    ).toHaveTextContent('n2 GiB8 GiB25%');
  });
});

describe('RestartsChart', () => {
  it('names the chart, draws a bar per container and lists the figures', async () => {
    await renderInTestApp(
      <RestartsChart
        label="Restarts per container in prod"
        rows={[
          { name: 'payments-api-7c9d8f6b5d-tq9mc/api', restarts: 14 },
          { name: 'payments-api-7c9d8f6b5d-x2x9z', restarts: 1 },
        ]}
      />,
    );
    const chart = screen.getByRole('img', {
      name: 'Restarts per container in prod',
    });
    expect(chart.querySelectorAll('.recharts-bar-rectangle path')).toHaveLength(
      2,
    );
    // The axis shows the Pod's generated suffix and the container.
    expect(chart).toHaveTextContent('7c9d8f6b5d-tq9mc/api');
    const table = screen.getByRole('table', {
      name: 'Restarts per container in prod',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual([
      'ContainerRestarts',
      'payments-api-7c9d8f6b5d-tq9mc/api14 restarts',
      'payments-api-7c9d8f6b5d-x2x9z1 restart',
    ]);
  });
});

describe('charts in the dark theme', () => {
  const dark = themes.dark.getTheme('v4')!.palette;
  const light = themes.light.getTheme('v4')!.palette;

  it("draws bars, grid and axis labels in the dark palette's colours", async () => {
    // The test app is light; the charts must follow the theme they sit in.
    expect(dark.primary.main).not.toBe(light.primary.main);
    expect(dark.divider).not.toBe(light.divider);
    await renderInTestApp(
      <UnifiedThemeProvider theme={themes.dark}>
        <CapacityChart
          label="CPU"
          format={formatCpu}
          rows={[{ name: 'worker-a', requested: 1, allocatable: 4 }]}
        />
      </UnifiedThemeProvider>,
    );
    const chart = screen.getByRole('img', { name: 'CPU' });
    const fills = [
      ...chart.querySelectorAll('.recharts-bar-rectangle path'),
    ].map(p => p.getAttribute('fill'));
    // Requested in the primary colour, allocatable in the dark grey.
    expect(fills).toEqual([dark.primary.main, dark.grey[600]]);
    const gridLines = [
      ...chart.querySelectorAll('.recharts-cartesian-grid line'),
    ].map(l => l.getAttribute('stroke'));
    expect(gridLines.length).toBeGreaterThan(0);
    expect(new Set(gridLines)).toEqual(new Set([dark.divider]));
    const tick = chart.querySelector('.recharts-cartesian-axis-tick-value');
    expect(tick?.getAttribute('fill')).toBe(dark.text.secondary);
  });
});
