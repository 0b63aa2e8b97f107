import type { RoadmapItem, RoadmapPhase } from './types';
import { findBlockedItems } from './blockedItems';

const item = (
  id: string,
  status: RoadmapItem['status'],
  dependsOn?: string[],
): RoadmapItem => ({
  id,
  title: `Item ${id}`,
  status,
  dependsOn,
  progress: { done: 0, total: 0 },
});

const phases: RoadmapPhase[] = [
  {
    title: 'Phase 1',
    progress: { done: 0, total: 0 },
    items: [item('1.1', 'done'), item('1.2', 'in-progress')],
  },
  {
    title: 'Phase 2',
    progress: { done: 0, total: 0 },
    items: [
      item('2.1', 'planned', ['1.1']),
      item('2.2', 'planned', ['1.1', '1.2']),
      item('2.3', 'blocked'),
      item('2.4', 'planned', ['roadmap:default/other#K8S-12']),
      item('2.5', 'done', ['1.2']),
    ],
  },
];

describe('findBlockedItems', () => {
  const blocked = findBlockedItems(phases);
  const ids = blocked.map(b => b.item.id);

  it('lists items waiting on unfinished dependencies, with what they wait on', () => {
    expect(blocked.find(b => b.item.id === '2.2')).toEqual(
      expect.objectContaining({
        phase: 'Phase 2',
        blockedBy: [{ id: '1.2', title: 'Item 1.2', status: 'in-progress' }],
      }),
    );
  });

  it('does not list items whose dependencies are done, or finished items', () => {
    expect(ids).not.toContain('2.1');
    expect(ids).not.toContain('2.5');
    expect(ids).not.toContain('1.1');
  });

  it('lists items marked blocked even with no dependency', () => {
    expect(blocked.find(b => b.item.id === '2.3')?.blockedBy).toEqual([]);
  });

  it('keeps cross-roadmap dependencies without guessing their status', () => {
    expect(blocked.find(b => b.item.id === '2.4')?.blockedBy).toEqual([
      { id: 'roadmap:default/other#K8S-12' },
    ]);
  });
});

describe('findBlockedItems (the roadmap card’s Blocked list)', () => {
  const finishedAndNot: RoadmapPhase[] = [
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
      findBlockedItems(finishedAndNot).map(b => [
        b.item.id,
        b.phase,
        b.blockedBy,
      ]),
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
