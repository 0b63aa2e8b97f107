import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAdrMarkdown } from './parseAdr';

// Real-shaped ADRs we wrote in the layouts teams use (adr-tools, MADR 2 and
// 3, log4brains, by hand), some saved with a BOM, CRLF or CR. Each `.txt`
// has a sibling `.expected.json`: the parse, with sections by name only.
const dir = path.join(__dirname, '__fixtures__', 'corpus');
const documents = readdirSync(dir)
  .filter(name => name.endsWith('.txt'))
  .sort();

/** What a corpus expectation holds for one ADR. */
function adrSummary(text: string, fileName: string) {
  const result = parseAdrMarkdown(text, { fileName });
  if (!result.ok) {
    return { error: result.error };
  }
  const { sections, ...adr } = result.value;
  return {
    adr: { ...adr, sections: Object.keys(sections) },
    warnings: result.warnings,
  };
}

describe('ADR corpus', () => {
  it('has the documents the issue asks for', () => {
    expect(documents.length).toBeGreaterThanOrEqual(15);
  });

  it.each(documents)('%s parses as expected', name => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const expected = JSON.parse(
      readFileSync(
        path.join(dir, name.replace(/\.txt$/, '.expected.json')),
        'utf8',
      ),
    );
    expect(adrSummary(text, name.replace(/\.txt$/, '.md'))).toEqual(expected);
  });
});
