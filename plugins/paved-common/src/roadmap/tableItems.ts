import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { DependencyClause, DependencyPhrases } from './dependencyPhrases';
import { adrReferences, splitValues } from './fields';
import { IdMatcher } from './idShapes';
import { leadOf } from './leads';
import { RoadmapItemStatus } from './types';

/** One table row that is an item. `id` is absent in tables without ids. */
export interface TableRowItem {
  id?: string;
  title: string;
  line?: number;
  phase?: string;
  status?: string;
  mark?: RoadmapItemStatus;
  priority?: string;
  estimate?: string;
  dependsOn: DependencyClause[];
  adrs: string[];
  components: string[];
  runbooks: string[];
}

type Role =
  | 'id'
  | 'title'
  | 'status'
  | 'priority'
  | 'estimate'
  | 'adrs'
  | 'components'
  | 'runbooks'
  | 'phase'
  | 'dependsOn';

const ROLES: Array<[Role, RegExp]> = [
  ['id', /^(?:id|#|no|nr|key|ref|code|item id|number)$/],
  [
    'phase',
    /^(?:phase|stage|quarter|release|horizon|wave|sprint|iteration|milestone|timeframe|when)$/,
  ],
  [
    'title',
    /^(?:title|item|items|name|task|deliverable|feature|epic|story|goal|work item|what|description|summary|objective|outcome|initiative)$/,
  ],
  ['status', /^(?:status|state|progress|done)$/],
  ['priority', /^(?:priority|prio)$/],
  ['estimate', /^(?:estimate|effort|size|sp|story points|points)$/],
  ['adrs', /^(?:adr|adrs|decision|decisions)$/],
  ['components', /^(?:component|components|changes)$/],
  ['runbooks', /^(?:runbook|runbooks)$/],
];

function header(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z# ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a roadmap table: a header row naming columns (`ID`, `Item`,
 * `Status`, `Depends on`, `Phase`, ...), one item a row. Without an `ID`
 * header, the first column whose cells all start with an id is the id
 * column. Returns undefined for tables that are not item lists (no id and
 * no title column).
 */
export function tableItems(
  table: Table,
  matcher: IdMatcher,
  phrases: DependencyPhrases,
): TableRowItem[] | undefined {
  const [head, ...rows] = table.children;
  if (!head || !rows.length) {
    return undefined;
  }
  const cellText = (row: number, column: number) =>
    toString(rows[row].children[column] ?? { type: 'text', value: '' })
      .replace(/\s+/g, ' ')
      .trim();
  const roles = new Map<Role, number>();
  head.children.forEach((cell, column) => {
    const name = header(toString(cell));
    const role = phrases.isDependencyLabel(name)
      ? 'dependsOn'
      : ROLES.find(([, pattern]) => pattern.test(name))?.[0];
    if (role && !roles.has(role)) roles.set(role, column);
  });
  if (!roles.has('id')) {
    const idColumn = head.children.findIndex(
      (_, column) =>
        ![...roles.values()].includes(column) &&
        rows.every((__, row) => {
          const text = cellText(row, column);
          return text && leadOf(text, matcher).id;
        }),
    );
    if (idColumn >= 0) roles.set('id', idColumn);
  }
  if (!roles.has('title')) {
    const free = head.children.findIndex(
      (_, column) => ![...roles.values()].includes(column),
    );
    if (free >= 0 && roles.has('id')) roles.set('title', free);
  }
  if (!roles.has('id') && !roles.has('title')) {
    return undefined;
  }
  return rows.map((row, index) => {
    const get = (role: Role) =>
      roles.has(role) ? cellText(index, roles.get(role)!) : '';
    const idLead = roles.has('id') ? leadOf(get('id'), matcher) : undefined;
    const titleLead = leadOf(get('title'), matcher);
    const split = phrases.inTitle(
      titleLead.id && !idLead?.id ? titleLead.title : titleLead.text,
    );
    const item: TableRowItem = {
      title: split.title,
      line: row.position?.start.line,
      dependsOn: split.clause ? [split.clause] : [],
      adrs: adrReferences(get('adrs')),
      components: splitValues(get('components')),
      runbooks: splitValues(get('runbooks')),
    };
    const id = idLead?.id ?? titleLead.id;
    if (id) item.id = id;
    const mark = idLead?.mark ?? titleLead.mark;
    if (mark) item.mark = mark;
    const status = get('status');
    if (status) item.status = status;
    const phase = get('phase');
    if (phase) item.phase = phase;
    const deps = get('dependsOn');
    if (deps) {
      item.dependsOn.push({
        value: deps,
        strict: true,
        line: item.line,
      });
    }
    if (get('priority')) item.priority = get('priority');
    if (get('estimate')) item.estimate = get('estimate');
    return item;
  });
}
