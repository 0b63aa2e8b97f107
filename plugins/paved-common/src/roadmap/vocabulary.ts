import {
  MarkdownParseError,
  MarkdownParseResult,
  parseFailure,
} from '../markdown/result';
import { IdShape } from './idShapes';
import { ROADMAP_ITEM_STATUSES, RoadmapItemStatus } from './types';

/** Item id regular expressions, one a line; they replace the built-in shapes. */
export const ANNOTATION_ROADMAP_ID_PATTERN = 'paved.dev/roadmap-id-pattern';
/** More phrases that introduce dependencies, comma-separated. */
export const ANNOTATION_ROADMAP_DEPENDENCY_WORDS =
  'paved.dev/roadmap-dependency-words';
/** More status words, `word=status` pairs, comma-separated. */
export const ANNOTATION_ROADMAP_STATUS_WORDS = 'paved.dev/roadmap-status-words';

/** The annotations above, for copying from a parent to what it imports. */
export const ROADMAP_VOCABULARY_ANNOTATIONS = [
  ANNOTATION_ROADMAP_ID_PATTERN,
  ANNOTATION_ROADMAP_DEPENDENCY_WORDS,
  ANNOTATION_ROADMAP_STATUS_WORDS,
] as const;

/** A house style the defaults do not cover, as configured. */
export interface RoadmapVocabulary {
  /** Regular expressions for item ids; when given, ids are not detected. */
  idPatterns?: string[];
  /** Phrases that introduce dependencies, added to the defaults. */
  dependencyWords?: string[];
  /** Status words added to the defaults, e.g. `{ shipped: 'done' }`. */
  statusWords?: Record<string, string>;
}

/** A vocabulary checked and ready for the parser. */
export interface CompiledRoadmapVocabulary {
  /** Set when configured; otherwise the parser detects shapes. */
  idShapes?: IdShape[];
  dependencyWords: string[];
  statusWords: Record<string, RoadmapItemStatus>;
}

/** Phrases that say an item waits for others, in their usual spellings. */
export const DEFAULT_DEPENDENCY_WORDS: readonly string[] = [
  'depends on',
  'depends upon',
  'dependent on',
  'depends',
  'dependencies',
  'dependency',
  'deps',
  'requires',
  'prerequisites',
  'prerequisite',
  'pre-requisites',
  'prereqs',
  'blocked by',
  'blocked on',
  'waits for',
  'waits on',
  'builds on',
  'after',
  'needs',
];

const MAX_PATTERN_LENGTH = 200;

type Failure = { ok: false; error: MarkdownParseError };

function invalid(where: string, message: string): Failure {
  return parseFailure('invalid-vocabulary', `${where}: ${message}`);
}

function compilePattern(
  raw: string,
  where: string,
  index: number,
): IdShape | Failure {
  const source = raw.trim().replace(/^\^/, '').replace(/\$$/, '');
  if (!source) {
    return invalid(where, 'an id pattern is empty');
  }
  // Long patterns are where catastrophic backtracking hides; ids are short.
  if (source.length > MAX_PATTERN_LENGTH) {
    return invalid(
      where,
      `id pattern is ${source.length} characters, over the ${MAX_PATTERN_LENGTH} allowed`,
    );
  }
  let whole: RegExp;
  try {
    whole = new RegExp(`^(?:${source})$`);
  } catch (error) {
    return invalid(
      where,
      `"${raw.trim()}" is not a valid regular expression (${
        (error as Error).message
      })`,
    );
  }
  if (whole.test('')) {
    return invalid(where, `"${raw.trim()}" matches an empty id`);
  }
  return {
    name: `pattern ${index + 1}`,
    examples: `/${source}/`,
    source,
  };
}

function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/**
 * Checks a vocabulary: every id pattern must compile and match something,
 * words must be words, statuses must be ones roadmaps have. `where` names
 * the setting in errors (an annotation or a config key).
 */
export function compileRoadmapVocabulary(
  vocabulary: RoadmapVocabulary,
  where: {
    idPatterns?: string;
    dependencyWords?: string;
    statusWords?: string;
  } = {},
): MarkdownParseResult<CompiledRoadmapVocabulary> {
  const compiled: CompiledRoadmapVocabulary = {
    dependencyWords: [...DEFAULT_DEPENDENCY_WORDS],
    statusWords: {},
  };
  if (vocabulary.idPatterns?.length) {
    const shapes: IdShape[] = [];
    for (const [i, raw] of vocabulary.idPatterns.entries()) {
      const shape = compilePattern(raw, where.idPatterns ?? 'idPatterns', i);
      if (isFailure(shape)) return shape;
      shapes.push(shape);
    }
    compiled.idShapes = shapes;
  }
  for (const raw of vocabulary.dependencyWords ?? []) {
    const word = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!/^[\p{L}][\p{L} '-]{0,39}$/u.test(word)) {
      return invalid(
        where.dependencyWords ?? 'dependencyWords',
        `"${raw}" is not a word or phrase (letters, spaces, hyphens; up to 40)`,
      );
    }
    if (!compiled.dependencyWords.includes(word)) {
      compiled.dependencyWords.push(word);
    }
  }
  for (const [raw, status] of Object.entries(vocabulary.statusWords ?? {})) {
    const word = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!(ROADMAP_ITEM_STATUSES as readonly string[]).includes(status)) {
      return invalid(
        where.statusWords ?? 'statusWords',
        `"${raw}" maps to "${status}", not one of ${ROADMAP_ITEM_STATUSES.join(
          ', ',
        )}`,
      );
    }
    if (!word) {
      return invalid(
        where.statusWords ?? 'statusWords',
        'a status word is empty',
      );
    }
    compiled.statusWords[word] = status as RoadmapItemStatus;
  }
  return { ok: true, value: compiled, warnings: [] };
}

function splitList(value: string, separators: RegExp): string[] {
  return value
    .split(separators)
    .map(v => v.trim())
    .filter(Boolean);
}

/**
 * The vocabulary for one roadmap: module config first, then the annotations
 * on the roadmap's entity (or the entity that imported it). Annotation id
 * patterns replace configured ones; words add to them.
 */
export function readRoadmapVocabulary(
  annotations: Record<string, string> | undefined,
  config: RoadmapVocabulary = {},
): MarkdownParseResult<CompiledRoadmapVocabulary> {
  // Config is checked on its own first, so its errors name config keys.
  const configChecked = compileRoadmapVocabulary(config, {
    idPatterns: 'paved.roadmaps.idPatterns',
    dependencyWords: 'paved.roadmaps.dependencyWords',
    statusWords: 'paved.roadmaps.statusWords',
  });
  if (!configChecked.ok) return configChecked;
  const ids = annotations?.[ANNOTATION_ROADMAP_ID_PATTERN];
  const words = annotations?.[ANNOTATION_ROADMAP_DEPENDENCY_WORDS];
  const statuses = annotations?.[ANNOTATION_ROADMAP_STATUS_WORDS];
  const statusWords: Record<string, string> = { ...config.statusWords };
  for (const pair of statuses ? splitList(statuses, /[,\n]/) : []) {
    const [word, status] = pair.split('=').map(s => s?.trim());
    if (!word || !status) {
      return invalid(
        ANNOTATION_ROADMAP_STATUS_WORDS,
        `"${pair}" is not a word=status pair`,
      );
    }
    statusWords[word] = status;
  }
  const fromAnnotation = (key: string, configKey: string) =>
    annotations?.[key] !== undefined ? key : configKey;
  return compileRoadmapVocabulary(
    {
      idPatterns: ids ? splitList(ids, /\n/) : config.idPatterns,
      dependencyWords: [
        ...(config.dependencyWords ?? []),
        ...(words ? splitList(words, /[,\n]/) : []),
      ],
      statusWords,
    },
    {
      idPatterns: fromAnnotation(
        ANNOTATION_ROADMAP_ID_PATTERN,
        'paved.roadmaps.idPatterns',
      ),
      dependencyWords: fromAnnotation(
        ANNOTATION_ROADMAP_DEPENDENCY_WORDS,
        'paved.roadmaps.dependencyWords',
      ),
      statusWords: fromAnnotation(
        ANNOTATION_ROADMAP_STATUS_WORDS,
        'paved.roadmaps.statusWords',
      ),
    },
  );
}
