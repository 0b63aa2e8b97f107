import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider } from '@backstage/test-utils';
import type { CostAlertRecord } from '@paved/plugin-paved-common';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { PavedApiError } from '../../../api/PavedApiError';
import {
  PavedCostAlertsApi,
  pavedCostAlertsApiRef,
} from '../../../api/PavedCostAlertsClient';
import { CostAlertsList } from './CostAlertsList';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { owner: 'group:default/payments-team' },
};

const alert = (over: Partial<CostAlertRecord> = {}): CostAlertRecord => ({
  key: 'system:default/shop#budget:2026-12',
  id: 'budget:2026-12',
  entityRef: 'system:default/shop',
  kind: 'budget',
  period: '2026-12',
  ownerRef: 'group:default/payments-team',
  status: 'active',
  title: 'Projected over budget in 2026-12',
  description:
    'Month-end projection EUR 1200.00 against a budget of EUR 1000.00',
  sentAt: '2026-12-02T10:00:00.000Z',
  sentCount: 1,
  snoozedUntil: null,
  snoozedBy: null,
  dismissedAt: null,
  dismissedBy: null,
  changedAt: '2026-12-02T10:00:00.000Z',
  ...over,
});

function renderWith(api: PavedCostAlertsApi) {
  return render(
    <TestApiProvider apis={[[pavedCostAlertsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <CostAlertsList />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('CostAlertsList', () => {
  it('lists the alerts and snoozes one for a week as the user', async () => {
    let current = alert();
    const api: PavedCostAlertsApi = {
      getAlerts: jest.fn(async () => ({
        entityRef: 'system:default/shop',
        alerts: [current],
      })),
      snooze: jest.fn(async (_e, _id, until) => {
        current = alert({ snoozedUntil: until });
        return current;
      }),
      dismiss: jest.fn(),
    };
    renderWith(api);
    expect(
      await screen.findByText('Projected over budget in 2026-12'),
    ).toBeInTheDocument();
    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: /^Snooze 7 days: / }));
    await screen.findByText(/Snoozed until/);
    const [ref, id, until] = (api.snooze as jest.Mock).mock.calls[0];
    expect(ref).toEqual({ kind: 'System', namespace: 'default', name: 'shop' });
    expect(id).toBe('budget:2026-12');
    const days = (Date.parse(until) - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
  });

  it('says who may manage alerts when a dismissal is refused', async () => {
    const api: PavedCostAlertsApi = {
      getAlerts: async () => ({
        entityRef: 'system:default/shop',
        alerts: [alert()],
      }),
      snooze: jest.fn(),
      dismiss: async () => {
        throw new PavedApiError(
          'Only the owners of this entity may snooze or dismiss its alerts.',
          403,
        );
      },
    };
    renderWith(api);
    fireEvent.click(await screen.findByRole('button', { name: /^Dismiss/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Only the owners/,
    );
  });

  it('shows nothing without alerts, and no buttons on a dismissed one', async () => {
    const empty = renderWith({
      getAlerts: async () => ({ entityRef: 'system:default/shop', alerts: [] }),
      snooze: jest.fn(),
      dismiss: jest.fn(),
    });
    await waitFor(() => expect(empty.container).toBeEmptyDOMElement());
    empty.unmount();
    renderWith({
      getAlerts: async () => ({
        entityRef: 'system:default/shop',
        alerts: [
          alert({
            dismissedAt: '2026-12-02T11:00:00Z',
            dismissedBy: 'user:default/ana',
          }),
        ],
      }),
      snooze: jest.fn(),
      dismiss: jest.fn(),
    });
    expect(
      await screen.findByText(/Dismissed by user:default\/ana/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('CostAlertsList for a reader without paved.cost.read', () => {
  it('shows nothing: the cost view explains the refusal', async () => {
    const getAlerts = jest.fn(async () => {
      throw new PavedApiError('Missing permission paved.cost.read', 403);
    });
    const { container } = renderWith({
      getAlerts,
      snooze: jest.fn(),
      dismiss: jest.fn(),
    });
    await waitFor(() => expect(getAlerts).toHaveBeenCalled());
    expect(container).toBeEmptyDOMElement();
  });
});

describe('CostAlertsList without its client', () => {
  it('renders nothing, so cards in apps without alerts are unchanged', () => {
    const { container } = render(
      <TestApiProvider apis={[]}>
        <EntityProvider entity={entity}>
          <CostAlertsList />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
