import {
  compileRoadmapVocabulary,
  DEFAULT_DEPENDENCY_WORDS,
  readRoadmapVocabulary,
} from './vocabulary';

describe('readRoadmapVocabulary', () => {
  it('is the defaults with no config and no annotations', () => {
    expect(readRoadmapVocabulary(undefined)).toEqual({
      ok: true,
      value: { dependencyWords: DEFAULT_DEPENDENCY_WORDS, statusWords: {} },
      warnings: [],
    });
  });

  it('takes id patterns from the annotation over config, and adds words', () => {
    const result = readRoadmapVocabulary(
      {
        'paved.dev/roadmap-id-pattern': '^STORY-\\d+$\n  EPIC-\\d+ ',
        'paved.dev/roadmap-dependency-words': 'waits on, gated by',
        'paved.dev/roadmap-status-words': 'shipped=done, parked = blocked',
      },
      {
        idPatterns: ['X\\d+'],
        dependencyWords: ['hinges on'],
        statusWords: { someday: 'planned' },
      },
    );
    expect(result.ok && result.value.idShapes?.map(s => s.source)).toEqual([
      'STORY-\\d+',
      'EPIC-\\d+',
    ]);
    expect(result.ok && result.value.dependencyWords).toEqual(
      expect.arrayContaining(['hinges on', 'gated by', 'waits on', 'after']),
    );
    expect(result.ok && result.value.statusWords).toEqual({
      someday: 'planned',
      shipped: 'done',
      parked: 'blocked',
    });
  });

  it.each([
    [
      { 'paved.dev/roadmap-id-pattern': '([A-Z' },
      {},
      /^paved\.dev\/roadmap-id-pattern: "\(\[A-Z" is not a valid regular expression/,
    ],
    [
      { 'paved.dev/roadmap-id-pattern': '\\d*' },
      {},
      /^paved\.dev\/roadmap-id-pattern: "\\d\*" matches an empty id$/,
    ],
    [
      undefined,
      { idPatterns: ['A'.repeat(201)] },
      /^paved\.roadmaps\.idPatterns: id pattern is 201 characters, over the 200 allowed$/,
    ],
    [
      { 'paved.dev/roadmap-status-words': 'shipped' },
      {},
      /^paved\.dev\/roadmap-status-words: "shipped" is not a word=status pair$/,
    ],
    [
      { 'paved.dev/roadmap-status-words': 'shipped=gone' },
      {},
      /^paved\.dev\/roadmap-status-words: "shipped" maps to "gone", not one of planned, in-progress, blocked, done, dropped$/,
    ],
    [
      { 'paved.dev/roadmap-dependency-words': 'after:, (x)' },
      {},
      /^paved\.dev\/roadmap-dependency-words: "after:" is not a word or phrase/,
    ],
  ])('names the bad setting: %j %j', (annotations, config, message) => {
    const result = readRoadmapVocabulary(annotations, config);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-vocabulary' },
    });
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it('compiles a vocabulary given as config alone', () => {
    expect(compileRoadmapVocabulary({ idPatterns: ['T\\d+'] })).toMatchObject({
      ok: true,
      value: { idShapes: [{ name: 'pattern 1', source: 'T\\d+' }] },
    });
  });
});
