import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRoadmapMarkdown } from './parseRoadmap';
import { compileRoadmapVocabulary } from './vocabulary';

// Real-shaped roadmaps we wrote in the styles teams use: checklists, tables,
// headings per phase, numbered lists, emoji statuses, plain text exports,
// some saved with a BOM, CRLF or CR. Each `.txt` has a sibling
// `.expected.json` (the whole parse, or the error) and may have a
// `.vocabulary.json` (the house style it is imported with).
const dir = path.join(__dirname, '__fixtures__', 'corpus');
const documents = readdirSync(dir)
  .filter(name => name.endsWith('.txt'))
  .sort();

const sibling = (name: string, suffix: string) =>
  path.join(dir, name.replace(/\.txt$/, suffix));

/** What a corpus expectation holds for one roadmap. */
function roadmapSummary(text: string, vocabularyFile?: string) {
  let vocabulary;
  if (vocabularyFile && existsSync(vocabularyFile)) {
    const compiled = compileRoadmapVocabulary(
      JSON.parse(readFileSync(vocabularyFile, 'utf8')),
    );
    if (!compiled.ok) return { error: compiled.error };
    vocabulary = compiled.value;
  }
  const result = parseRoadmapMarkdown(text, { vocabulary });
  return result.ok
    ? { roadmap: result.value, warnings: result.warnings }
    : { error: result.error };
}

describe('roadmap corpus', () => {
  it('has the documents the issue asks for', () => {
    expect(documents.length).toBeGreaterThanOrEqual(15);
  });

  it.each(documents)('%s parses as expected', name => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const expected = JSON.parse(
      readFileSync(sibling(name, '.expected.json'), 'utf8'),
    );
    expect(roadmapSummary(text, sibling(name, '.vocabulary.json'))).toEqual(
      expected,
    );
  });
});
