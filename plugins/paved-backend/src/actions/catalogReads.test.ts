import type {
  AdrEntityV1alpha1,
  RoadmapPhase,
} from '@paved/plugin-paved-common';
import { findBlockedItems } from './blockedItems';
import { decisionsAbout, toDecisionRow } from './decisionRows';
import { entityRefProblem } from './schemas';

const item = (
  id: string,
  status: RoadmapPhase['items'][number]['status'],
  dependsOn?: string[],
) => ({
  id,
  title: `Item ${id}`,
  status,
  dependsOn,
  progress: { done: 0, total: 0 },
});

describe('findBlockedItems (the roadmap card’s Blocked list)', () => {
  const phases: RoadmapPhase[] = [
    {
      title: 'Phase 1',
      progress: { done: 0, total: 0 },
      items: [
        item('1.1', 'done'),
        item('1.2', 'dropped'),
        item('1.3', 'planned'),
      ],
    },
    {
      title: 'Phase 2',
      progress: { done: 0, total: 0 },
      items: [
        item('2.1', 'planned', ['1.1', '1.2']),
        item('2.2', 'in-progress', ['1.3', '1.1']),
        item('2.3', 'blocked', ['1.1']),
        item('2.4', 'done', ['1.3']),
        item('2.5', 'dropped', ['1.3']),
      ],
    },
  ];

  it('lists items waiting on unfinished items with only those, and items marked blocked', () => {
    expect(
      findBlockedItems(phases).map(b => [b.item.id, b.phase, b.blockedBy]),
    ).toEqual([
      ['2.2', 'Phase 2', [{ id: '1.3', title: 'Item 1.3', status: 'planned' }]],
      ['2.3', 'Phase 2', []],
    ]);
  });

  it('lists a dependency in another roadmap without a status', () => {
    const other = findBlockedItems([
      {
        title: 'Only',
        progress: { done: 0, total: 0 },
        items: [item('1', 'planned', ['roadmap:default/x#7'])],
      },
    ]);
    expect(other[0].blockedBy).toEqual([{ id: 'roadmap:default/x#7' }]);
  });
});

const adr = (
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
    adr('old', { date: '2023-01-01', status: 'superseded' }, [
      about('component:default/a'),
    ]),
    adr('new', { date: '2024-05-01' }, [
      about('component:default/a'),
      about('system:default/s'),
    ]),
    adr('undated', {}, [about('component:default/a')]),
    adr('elsewhere', { date: '2025-01-01' }, [about('component:default/b')]),
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
        adr('x', {}, [{ type: 'ownedBy', targetRef: 'user:default/jo' }]),
      ).owner,
    ).toBe('user:default/jo');
  });
});

describe('entityRefProblem', () => {
  it('accepts kind:name and kind:namespace/name', () => {
    expect(entityRefProblem('component:payments-api')).toBeUndefined();
    expect(entityRefProblem('resource:default/tenant-a')).toBeUndefined();
  });

  it('says how to write a ref without a kind', () => {
    expect(entityRefProblem('payments-api')).toMatch(
      /missing or empty kind.*write it as kind:namespace\/name/,
    );
  });

  it('names the part no catalog entity can have', () => {
    expect(entityRefProblem(`component:default/${'a'.repeat(64)}`)).toBe(
      'name: at most 63 characters, got 64',
    );
    expect(entityRefProblem('component:default/a\u0000b')).toMatch(
      /^name: control character U\+0000 at position 1/,
    );
  });
});
