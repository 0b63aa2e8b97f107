import { DependencyClause } from './dependencyPhrases';
import { splitValues } from './fields';
import { IdMatcher } from './idShapes';

/** What a dependency may name: a phase of this roadmap. */
export interface PhaseTarget {
  title: string;
  /** Lower-cased names: `2` for "Phase 2: X", `m1` for "M1 — X", titles. */
  names: string[];
  itemIds: string[];
}

/** What a dependency may name: an item of this roadmap. */
export interface ItemTarget {
  id: string;
  title: string;
}

const PHASE_WORD = String.raw`(?:phase|stage|milestone|step|part|wave|sprint|iteration|release|epic|track|stream|workstream)`;
const PHASE_NUMBER = new RegExp(String.raw`^${PHASE_WORD}\s+([\w.-]+)`, 'i');
const PHASE_MENTION = new RegExp(
  String.raw`\b${PHASE_WORD}\s+([\w.-]*\w)`,
  'gi',
);
const NOTHING = /^(?:none|n\/?a|nothing|no|-+|—|–)$/i;

export function titleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The names a phase heading can be referred to by. */
export function phaseNames(title: string, code?: string): string[] {
  const names = new Set<string>([titleKey(title)]);
  if (code) names.add(code.toLowerCase());
  const numbered = PHASE_NUMBER.exec(title);
  if (numbered) {
    names.add(numbered[1].toLowerCase().replace(/[.:]$/, ''));
    names.add(
      titleKey(title.slice(numbered[0].length).replace(/^\s*[:.—–-]\s*/, '')),
    );
  }
  // "Track A: API" is also "Track A" and "API".
  const labelled = /^([^:]{1,40}):\s*(\S.*)$/.exec(title);
  if (labelled) {
    names.add(titleKey(labelled[1]));
    names.add(titleKey(labelled[2]));
  }
  const leading = /^(\d{1,3})[.)]?\s+(\S.*)$/.exec(title);
  if (leading) {
    names.add(leading[1]);
    names.add(titleKey(leading[2]));
  }
  names.delete('');
  return [...names];
}

function phaseNamed(
  phases: readonly PhaseTarget[],
  name: string,
): PhaseTarget | undefined {
  const wanted = name.toLowerCase();
  return phases.find(p => p.names.includes(wanted));
}

/**
 * Turns written dependencies into item ids: ids of this roadmap, `ref#id`
 * for another roadmap, and whole phases (`Phase 2`, `M1`, "Foundations"),
 * which stand for every item in them. In strict clauses an id that names no
 * item is kept as written, so the roadmap check reports it by name; a part
 * that names nothing is a warning.
 */
export function resolveDependencies(
  clauses: readonly DependencyClause[],
  self: string,
  context: {
    matcher: IdMatcher;
    items: ReadonlyMap<string, ItemTarget>;
    /** Item ids by `titleKey` of their titles. */
    titles: ReadonlyMap<string, string>;
    phases: readonly PhaseTarget[];
  },
  warnings: string[],
): string[] {
  const out: string[] = [];
  // A phase stands for its items but the item itself; a written
  // self-dependency is kept, for the roadmap check to report.
  const add = (ids: string[], phase = false) => {
    for (const id of ids) {
      if (!(phase && id === self) && !out.includes(id)) out.push(id);
    }
  };
  const titles = context.titles;
  for (const clause of clauses) {
    const text = clause.value
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]/g, '');
    // A whole value may be one title with commas or "and" in it.
    const whole = clause.strict ? titleKey(text) : '';
    const wholePhase = whole && phaseNamed(context.phases, whole);
    const wholeItem = whole && titles.get(whole);
    if (wholePhase || wholeItem) {
      if (wholePhase) add(wholePhase.itemIds, true);
      else add([wholeItem as string]);
      continue;
    }
    for (const part of splitValues(text)) {
      if (NOTHING.test(part)) continue;
      const crossRoadmap = /^([A-Za-z0-9:/._-]+#[\w.-]*\w)/.exec(part);
      if (crossRoadmap) {
        add([crossRoadmap[1]]);
        continue;
      }
      const ids = context.matcher.findAll(part);
      const known = ids.filter(id => context.items.has(id));
      if (known.length) {
        add(known);
        continue;
      }
      const mentioned = [...part.matchAll(PHASE_MENTION)]
        .map(m => phaseNamed(context.phases, m[1]))
        .filter((p): p is PhaseTarget => !!p);
      if (mentioned.length) {
        mentioned.forEach(p => add(p.itemIds, true));
        continue;
      }
      if (!clause.strict) continue;
      const phase = phaseNamed(context.phases, titleKey(part));
      if (phase) {
        add(phase.itemIds, true);
        continue;
      }
      const byTitle = titles.get(titleKey(part));
      if (byTitle) {
        add([byTitle]);
        continue;
      }
      if (ids.length) {
        add(ids);
        continue;
      }
      warnings.push(
        `${
          clause.line ? `line ${clause.line}: ` : ''
        }item ${self}: dependency "${part}" names no item or phase`,
      );
    }
  }
  return out;
}
