import type { AdrEntityV1alpha1 } from '../kinds/entities';
import {
  decisionFilterOptions,
  decisionsAbout,
  filterDecisions,
  toDecisionRow,
} from './decisionRows';

function adr(
  name: string,
  spec: Partial<AdrEntityV1alpha1['spec']>,
  about: string[] = [],
): AdrEntityV1alpha1 {
  return {
    apiVersion: 'paved.dev/v1alpha1',
    kind: 'ADR',
    metadata: { name, namespace: 'default', title: `Title ${name}` },
    spec: { owner: 'platform-team', status: 'accepted', ...spec },
    relations: [
      {
        type: 'ownedBy',
        targetRef: `group:default/${spec.owner ?? 'platform-team'}`,
      },
      ...about.map(targetRef => ({ type: 'decidesAbout', targetRef })),
    ],
  } as AdrEntityV1alpha1;
}

const rows = [
  adr('a', { status: 'accepted', date: '2025-01-10' }, ['component:default/x']),
  adr('b', {
    status: 'superseded',
    date: '2024-06-01',
    owner: 'payments-team',
  }),
  adr('c', { status: 'proposed' }, ['system:default/shop']),
].map(toDecisionRow);

describe('filterDecisions', () => {
  it('keeps everything with no filters', () => {
    expect(filterDecisions(rows, {})).toHaveLength(3);
  });

  it('filters by status, owner and what the ADR decides about', () => {
    expect(
      filterDecisions(rows, { status: 'superseded' }).map(r => r.ref),
    ).toEqual(['adr:default/b']);
    expect(
      filterDecisions(rows, { owner: 'group:default/payments-team' }).map(
        r => r.ref,
      ),
    ).toEqual(['adr:default/b']);
    expect(
      filterDecisions(rows, { about: 'system:default/shop' }).map(r => r.ref),
    ).toEqual(['adr:default/c']);
  });

  it('filters by an inclusive date range and drops undated ADRs from it', () => {
    expect(
      filterDecisions(rows, { from: '2024-06-01', to: '2024-12-31' }).map(
        r => r.ref,
      ),
    ).toEqual(['adr:default/b']);
    expect(
      filterDecisions(rows, { from: '2000-01-01' }).map(r => r.ref),
    ).toEqual(['adr:default/a', 'adr:default/b']);
  });

  it('offers each distinct value once for the menus', () => {
    expect(decisionFilterOptions(rows)).toEqual({
      statuses: ['accepted', 'proposed', 'superseded'],
      owners: ['group:default/payments-team', 'group:default/platform-team'],
      about: ['component:default/x', 'system:default/shop'],
    });
  });
});

const adrWith = (
  name: string,
  spec: Partial<AdrEntityV1alpha1['spec']>,
  relations: { type: string; targetRef: string }[],
): AdrEntityV1alpha1 => ({
  apiVersion: 'paved.dev/v1alpha1',
  kind: 'ADR',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'team-a', status: 'accepted', ...spec },
  relations,
});

describe('decisionsAbout (the Decisions page rows for one subject)', () => {
  const about = (ref: string) => ({ type: 'decidesAbout', targetRef: ref });
  const adrs = [
    adrWith('old', { date: '2023-01-01', status: 'superseded' }, [
      about('component:default/a'),
    ]),
    adrWith('new', { date: '2024-05-01' }, [
      about('component:default/a'),
      about('system:default/s'),
    ]),
    adrWith('undated', {}, [about('component:default/a')]),
    adrWith('elsewhere', { date: '2025-01-01' }, [
      about('component:default/b'),
    ]),
  ];

  it('keeps the ADRs deciding about the subject, newest first, undated last', () => {
    expect(decisionsAbout(adrs, 'component:default/a').map(r => r.ref)).toEqual(
      ['adr:default/new', 'adr:default/old', 'adr:default/undated'],
    );
  });

  it('filters by status', () => {
    expect(
      decisionsAbout(adrs, 'component:default/a', 'superseded').map(r => r.ref),
    ).toEqual(['adr:default/old']);
  });

  it('names the owner from the ownedBy relation, else from spec.owner as a group', () => {
    expect(toDecisionRow(adrs[0]).owner).toBe('group:default/team-a');
    expect(
      toDecisionRow(
        adrWith('x', {}, [{ type: 'ownedBy', targetRef: 'user:default/jo' }]),
      ).owner,
    ).toBe('user:default/jo');
  });
});
