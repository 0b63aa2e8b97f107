import type { RoadmapItem, RoadmapPhase } from '@paved/plugin-paved-common';
import { findBlockedItems } from './blockers';

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
