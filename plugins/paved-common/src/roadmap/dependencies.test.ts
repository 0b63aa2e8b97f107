import {
  findRoadmapProblems,
  splitCrossRoadmapDependency,
} from './dependencies';
import { parseRoadmapMarkdown } from './parseRoadmap';
import { RoadmapPhase } from './types';

function phases(text: string): RoadmapPhase[] {
  const result = parseRoadmapMarkdown(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.phases;
}

describe('findRoadmapProblems', () => {
  it('accepts dependencies within and across roadmaps', () => {
    const roadmap = phases(`## Phase 1
### 1.1 A
### 1.2 B
Depends on: 1.1, platform-roadmap#KBP-07
## Phase 2
### 2.1 C
**Depends on:** 1.2
`);
    expect(roadmap[0].items[1].dependsOn).toEqual([
      '1.1',
      'platform-roadmap#KBP-07',
    ]);
    expect(findRoadmapProblems(roadmap)).toEqual([]);
  });

  it('names a cycle as a path', () => {
    const roadmap = phases(`## Phase 1
### 1.4 A
Depends on: 2.1
## Phase 2
### 2.1 B
Depends on: 1.4
`);
    expect(findRoadmapProblems(roadmap)).toEqual([
      'dependsOn cycle: 1.4 -> 2.1 -> 1.4',
    ]);
  });

  it('names longer cycles and self-dependencies once each', () => {
    const roadmap = phases(`## P
### 1.1 A
Depends on: 1.2
### 1.2 B
Depends on: 1.3
### 1.3 C
Depends on: 1.1
### 1.4 D
Depends on: 1.4
`);
    expect(findRoadmapProblems(roadmap)).toEqual([
      'dependsOn cycle: 1.1 -> 1.2 -> 1.3 -> 1.1',
      'dependsOn cycle: 1.4 -> 1.4',
    ]);
  });

  it('names dependencies on items that do not exist, and duplicate ids', () => {
    const item = {
      title: 'x',
      status: 'planned' as const,
      progress: { done: 0, total: 0 },
    };
    expect(
      findRoadmapProblems([
        {
          title: 'P',
          progress: { done: 0, total: 0 },
          items: [
            { ...item, id: '1.1', dependsOn: ['9.9'] },
            { ...item, id: '1.1' },
          ],
        },
      ]),
    ).toEqual([
      'item id 1.1 is used more than once',
      'item 1.1 dependsOn 9.9, which does not exist',
    ]);
  });

  it('splits cross-roadmap references', () => {
    expect(splitCrossRoadmapDependency('roadmap:default/x#1.2')).toEqual({
      roadmap: 'roadmap:default/x',
      itemId: '1.2',
    });
    expect(splitCrossRoadmapDependency('1.2')).toBeUndefined();
  });
});
