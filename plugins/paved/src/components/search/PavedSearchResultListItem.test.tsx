import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { PAVED_SEARCH_TYPE } from '@paved/plugin-paved-common';
import {
  ownerName,
  PavedSearchResultListItem,
} from './PavedSearchResultListItem';
import { isPavedSearchResult } from './predicate';

const adr = {
  title: 'Admission policy engine for tenant namespaces',
  text: 'We enforce the baseline with Kyverno ClusterPolicy objects.',
  location: '/catalog/default/adr/platform-adr-0007/decision',
  documentKind: 'adr',
  entityRef: 'adr:default/platform-adr-0007',
  status: 'accepted',
  owner: 'group:default/platform-team',
  number: '7',
  itemId: '',
  phase: '',
  roadmap: '',
};

const item = {
  ...adr,
  title: '2.3 Namespace quotas from tenant tiers',
  text: 'Status: blocked. Phase: Phase 2: Tenancy. Depends on: 2.1.',
  location: '/catalog/default/roadmap/platform-roadmap/roadmap#item-2.3',
  documentKind: 'roadmap-item',
  entityRef: 'roadmap:default/platform-roadmap',
  status: 'blocked',
  number: '',
  itemId: '2.3',
  phase: 'Phase 2: Tenancy',
  roadmap: 'Platform roadmap',
};

describe('PavedSearchResultListItem', () => {
  it('shows an ADR with its status, number and owner, linked to its Decision tab', async () => {
    await renderInTestApp(<PavedSearchResultListItem result={adr} />);
    expect(
      screen.getByRole('link', {
        name: 'Admission policy engine for tenant namespaces',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/adr/platform-adr-0007/decision',
    );
    expect(screen.getByText('Decision')).toBeInTheDocument();
    expect(screen.getByText('ADR 7')).toBeInTheDocument();
    expect(screen.getByTestId('status-accepted')).toBeInTheDocument();
    expect(screen.getByText('Owner: platform-team')).toBeInTheDocument();
    expect(screen.getByText(/Kyverno ClusterPolicy/)).toBeInTheDocument();
  });

  it('shows a roadmap item with its roadmap, phase and status', async () => {
    await renderInTestApp(<PavedSearchResultListItem result={item} />);
    expect(screen.getByText('Roadmap item')).toBeInTheDocument();
    expect(
      screen.getByText('Platform roadmap · Phase 2: Tenancy'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('status-blocked')).toBeInTheDocument();
    expect(screen.getByText('Owner: platform-team')).toBeInTheDocument();
  });

  it('renders the highlighted title and text when the engine gives them', async () => {
    await renderInTestApp(
      <PavedSearchResultListItem
        result={adr}
        highlight={{
          preTag: '<b>',
          postTag: '</b>',
          fields: { text: 'baseline with <b>Kyverno</b> policies' },
        }}
      />,
    );
    expect(screen.getByText('Kyverno').tagName).toBe('MARK');
  });

  it('renders nothing without a result', async () => {
    await renderInTestApp(
      <div data-testid="empty">
        <PavedSearchResultListItem />
      </div>,
    );
    expect(screen.getByTestId('empty')).toBeEmptyDOMElement();
  });
});

describe('isPavedSearchResult and ownerName', () => {
  it('matches only Paved documents', () => {
    expect(
      isPavedSearchResult({ type: PAVED_SEARCH_TYPE, document: adr }),
    ).toBe(true);
    expect(
      isPavedSearchResult({ type: 'software-catalog', document: adr }),
    ).toBe(false);
  });

  it('shortens owner refs in the default namespace', () => {
    expect(ownerName('group:default/platform-team')).toBe('platform-team');
    expect(ownerName('group:ops/sre')).toBe('ops/sre');
    expect(ownerName('user:jane')).toBe('jane');
    expect(ownerName(undefined)).toBeUndefined();
  });
});
