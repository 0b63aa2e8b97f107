import { configApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { act, screen } from '@testing-library/react';
import {
  PavedComponentHealthResponse,
  pavedCostApiRef,
  pavedCrossplaneApiRef,
  PavedHealthApi,
  pavedHealthApiRef,
  PavedHealthError,
} from '../../../api';
import { EntityWorkloadHealthCard } from '../../health/EntityWorkloadHealthCard';
import {
  componentEntity,
  componentResponse,
  healthyComponent,
} from '../../health/fixtures.testutil';
import { EntityPavedSummaryCard } from '../../summary/EntityPavedSummaryCard';

/*
 * The cards as a user sees them over time: new data replaces old without a
 * loading state, a failed refresh keeps the data under a banner, and the
 * footer says how old the data is.
 */

const healthy: PavedComponentHealthResponse = {
  ...componentResponse,
  clusters: [
    {
      cluster: 'paved-local',
      ok: true,
      apiLatency: componentResponse.clusters[0].apiLatency,
      data: healthyComponent,
    },
  ],
};
const crashing: PavedComponentHealthResponse = {
  ...componentResponse,
  clusters: [componentResponse.clusters[0]],
};

const config = mockApis.config({
  data: { paved: { refresh: { intervalSeconds: 10 } } },
});

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

function answers(...list: (PavedComponentHealthResponse | Error)[]) {
  return jest.fn(async () => {
    const next = list.length > 1 ? list.shift()! : list[0];
    if (next instanceof Error) throw next;
    return next;
  });
}

describe('cards that stay current', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('the workload card shows new data without a reload, keeps it through a failed refresh, and says when it read it', async () => {
    const getEntityHealth = answers(
      healthy,
      crashing,
      new PavedHealthError('The Paved backend is unavailable.', 503),
      healthy,
    );
    const api: Partial<PavedHealthApi> = { getEntityHealth };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [pavedHealthApiRef, api],
          [configApiRef, config],
        ]}
      >
        <EntityProvider entity={componentEntity()}>
          <EntityWorkloadHealthCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    await advance(0);
    expect(screen.getByText(/No problems: every workload/)).toBeInTheDocument();
    const footer = screen.getByText(/^Last read/);
    expect(footer).toHaveTextContent('Last read just now');

    await advance(10_000);
    // The crash loop shows, and no progress bar came in between.
    expect(
      screen.getByRole('link', { name: 'Runbook: CrashLoopBackOff' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(getEntityHealth).toHaveBeenLastCalledWith(expect.anything(), {
      fresh: true,
    });

    await advance(10_000); // fails: the data stays under a banner
    const banner = screen.getByRole('alert', { name: 'Refresh failed' });
    expect(banner).toHaveTextContent(
      /Could not refresh: The Paved backend is unavailable\..*trying again in 20 s/,
    );
    expect(
      screen.getByRole('link', { name: 'Runbook: CrashLoopBackOff' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Last read/)).toHaveTextContent(
      'Last read 10 seconds ago',
    );

    await advance(19_999);
    expect(getEntityHealth).toHaveBeenCalledTimes(3);
    await advance(1); // back: banner gone, healthy again
    expect(getEntityHealth).toHaveBeenCalledTimes(4);
    expect(
      screen.queryByRole('alert', { name: 'Refresh failed' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText(/No problems: every workload/)).toBeInTheDocument();
    expect(screen.getByText(/^Last read/)).toHaveTextContent(
      'Last read just now',
    );
  });

  it('the summary card refreshes its chips and keeps them when a refresh fails', async () => {
    const getEntityHealth = answers(
      healthy,
      crashing,
      new PavedHealthError('The Paved backend is unavailable.', 503),
    );
    const never = () => new Promise<never>(() => {});
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [pavedHealthApiRef, { getEntityHealth, getEntityConformance: never }],
          [pavedCostApiRef, { getEntityCost: never }],
          [pavedCrossplaneApiRef, { getEntityClaims: never }],
          [configApiRef, config],
        ]}
      >
        <EntityProvider entity={componentEntity()}>
          <EntityPavedSummaryCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    await advance(0);
    const chip = () => screen.getByRole('link', { name: /Health/ });
    expect(chip()).toHaveTextContent('No problems');
    await advance(10_000);
    expect(chip()).toHaveTextContent(/CrashLoopBackOff/);
    await advance(10_000);
    expect(chip()).toHaveTextContent(/CrashLoopBackOff/);
    expect(
      screen.getByRole('alert', { name: 'Refresh failed' }),
    ).toHaveTextContent('The Paved backend is unavailable.');
  });
});
