import { createComponentHealthAccumulator } from './componentHealth';
import {
  parseAgeCell,
  parseReadyCell,
  parseRestartsCell,
  podRowVerdict,
  podTableColumns,
  TableRow,
} from './podTable';

// The order a real apiserver sends, plus one column Paved does not read.
const definitions = [
  { name: 'Name', type: 'string' },
  { name: 'Ready', type: 'string' },
  { name: 'Status', type: 'string' },
  { name: 'Restarts', type: 'string' },
  { name: 'Age', type: 'string' },
];
const columns = podTableColumns(definitions);

const row = (
  ready: unknown,
  status: unknown,
  restarts: unknown,
  metadata: { name?: string; namespace?: string } | null = {
    name: 'web-1',
    namespace: 'shop',
  },
): TableRow => ({
  cells: ['web-1', ready, status, restarts, '5m'],
  ...(metadata ? { object: { kind: 'PartialObjectMetadata', metadata } } : {}),
});

describe('podTableColumns', () => {
  it('finds the columns by name, not by position', () => {
    expect(columns).toEqual({
      name: 0,
      ready: 1,
      status: 2,
      restarts: 3,
      age: 4,
    });
    const shuffled = [
      { name: 'Restarts' },
      { name: 'Name' },
      { name: 'IP' },
      { name: 'status' },
      { name: 'Ready' },
    ];
    expect(podTableColumns(shuffled)).toEqual({
      name: 1,
      ready: 4,
      status: 3,
      restarts: 0,
    });
  });

  it('is undefined when a needed column is missing or the definitions are not a list', () => {
    expect(
      podTableColumns([
        { name: 'Name' },
        { name: 'Ready' },
        { name: 'Status' },
      ]),
    ).toBeUndefined();
    expect(podTableColumns(undefined)).toBeUndefined();
    expect(podTableColumns({ Ready: 1 })).toBeUndefined();
    expect(podTableColumns([null, { name: 3 }])).toBeUndefined();
  });
});

describe('parseRestartsCell', () => {
  it.each([
    ['0', 0],
    ['3', 3],
    ['3 (5m ago)', 3],
    ['12 (2d3h ago)', 12],
    [7, 7],
  ])('reads %p as %p', (cell, expected) => {
    expect(parseRestartsCell(cell)).toBe(expected);
  });

  it.each(
    ['', 'x', '-1', '3 5m ago', '1.5', 1.5, -2, null, undefined].map(c => [c]),
  )('refuses %p', cell => {
    expect(parseRestartsCell(cell)).toBeUndefined();
  });
});

describe('parseReadyCell', () => {
  it('reads ready/total and refuses anything else', () => {
    expect(parseReadyCell('2/3')).toEqual({ ready: 2, total: 3 });
    expect(parseReadyCell('1/1')).toEqual({ ready: 1, total: 1 });
    expect(parseReadyCell('1')).toBeUndefined();
    expect(parseReadyCell('a/b')).toBeUndefined();
    expect(parseReadyCell(1)).toBeUndefined();
  });
});

describe('podRowVerdict', () => {
  it('trusts a Running row with every container ready and no restarts', () => {
    expect(podRowVerdict(columns, row('2/2', 'Running', '0'))).toEqual({
      healthy: true,
      name: 'web-1',
      namespace: 'shop',
      phase: 'Running',
    });
  });

  it.each([
    ['a crash loop', '0/1', 'CrashLoopBackOff', '12 (3m ago)'],
    ['a restarted but ready Pod', '1/1', 'Running', '3 (5m ago)'],
    ['a not-ready container', '1/2', 'Running', '0'],
    ['a Pod without containers', '0/0', 'Running', '0'],
    ['a Completed Pod (phase unknown)', '0/1', 'Completed', '0'],
    ['Pending', '0/1', 'Pending', '0'],
    ['Evicted', '0/1', 'Evicted', '0'],
    ['Terminating', '1/1', 'Terminating', '0'],
    ['an init container', '0/1', 'Init:0/1', '0'],
    ['an unparseable READY', 'ready', 'Running', '0'],
    ['an unparseable RESTARTS', '1/1', 'Running', 'often'],
    ['a missing cell', '1/1', undefined, '0'],
  ])('sends %s to a full fetch', (_what, ready, status, restarts) => {
    const verdict = podRowVerdict(columns, row(ready, status, restarts));
    expect(verdict).toMatchObject({
      healthy: false,
      name: 'web-1',
      namespace: 'shop',
    });
  });

  it('fetches in full when the table lacks a column, and says why', () => {
    const noRestarts = podTableColumns(definitions.slice(0, 3));
    expect(podRowVerdict(noRestarts, row('1/1', 'Running', '0'))).toEqual({
      healthy: false,
      name: 'web-1',
      namespace: 'shop',
      why: 'table lacks Ready, Status or Restarts',
    });
  });

  it('names the Pod from the Name column when the row has no object (includeObject=None)', () => {
    expect(podRowVerdict(columns, row('1/1', 'Running', '0', null))).toEqual({
      healthy: true,
      name: 'web-1',
      phase: 'Running',
    });
  });

  it('cannot vouch for a row that names no Pod', () => {
    const noName = podTableColumns(definitions.slice(1));
    expect(podRowVerdict(noName, row('1/1', 'Running', '0', null))).toEqual({
      healthy: false,
      why: 'row names no Pod',
      facts: expect.anything(),
    });
  });

  it('says what the row shows of a Pod that is not plainly healthy', () => {
    const now = new Date('2026-11-21T08:00:00Z');
    // Age from the Age column when the row has no metadata...
    expect(
      podRowVerdict(
        columns,
        row('0/1', 'CrashLoopBackOff', '12 (3m ago)', null),
        now,
      ),
    ).toEqual({
      healthy: false,
      name: 'web-1',
      why: 'status CrashLoopBackOff',
      facts: {
        status: 'CrashLoopBackOff',
        ready: { ready: 0, total: 1 },
        restarts: 12,
        ageHours: 5 / 60,
      },
    });
    // ...and from the exact creation time when it has.
    const withMetadata = podRowVerdict(
      columns,
      row('1/1', 'Running', '2', {
        name: 'web-1',
        namespace: 'shop',
        creationTimestamp: '2026-11-21T06:00:00Z',
      } as any),
      now,
    );
    expect(withMetadata).toMatchObject({
      healthy: false,
      facts: { status: 'Running', restarts: 2, ageHours: 2 },
    });
    // A missing STATUS is Unknown; unreadable cells are left out.
    expect(
      podRowVerdict(columns, row('x', undefined, 'often', null), now),
    ).toMatchObject({
      healthy: false,
      facts: { status: 'Unknown', ageHours: 5 / 60 },
    });
  });
});

describe('parseAgeCell', () => {
  it.each([
    ['45s', 45],
    ['7m30s', 450],
    ['95m', 95 * 60],
    ['3h20m', 3 * 3600 + 20 * 60],
    ['26h', 26 * 3600],
    ['5d3h', 5 * 86_400 + 3 * 3600],
    ['400d', 400 * 86_400],
    ['2y10d', 2 * 365 * 86_400 + 10 * 86_400],
  ])('reads %p as %p seconds', (cell, seconds) => {
    expect(parseAgeCell(cell)).toBe(seconds);
  });

  it.each([['<invalid>'], [''], ['5x'], ['m5'], [300], [null]])(
    'refuses %p',
    cell => {
      expect(parseAgeCell(cell)).toBeUndefined();
    },
  );
});

describe('addHealthyPodRow', () => {
  it('adds exactly what the healthy Pod object adds', () => {
    const now = new Date('2026-11-21T08:00:00Z');
    const pod = {
      kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'shop' },
      status: {
        phase: 'Running',
        startTime: '2026-11-21T07:00:00Z',
        containerStatuses: [
          {
            name: 'app',
            ready: true,
            restartCount: 0,
            state: { running: { startedAt: '2026-11-21T07:00:00Z' } },
          },
        ],
      },
    };
    const crashing = {
      kind: 'Pod',
      metadata: { name: 'web-2', namespace: 'shop' },
      status: {
        phase: 'Running',
        startTime: '2026-11-21T07:00:00Z',
        containerStatuses: [
          {
            name: 'app',
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
          },
        ],
      },
    };
    const full = createComponentHealthAccumulator({ now });
    full.add(pod);
    full.add(crashing);
    const fromRow = createComponentHealthAccumulator({ now });
    const verdict = podRowVerdict(columns, row('1/1', 'Running', '0'));
    if (!verdict.healthy) throw new Error('expected a healthy verdict');
    fromRow.addHealthyPodRow(verdict);
    fromRow.add(crashing);
    expect(fromRow.result()).toEqual(full.result());
    expect(fromRow.result().pods).toMatchObject({
      total: 2,
      byPhase: { Running: 2 },
      restarts: 4,
    });
  });
});
