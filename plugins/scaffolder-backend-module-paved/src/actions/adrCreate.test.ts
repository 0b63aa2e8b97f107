import { parseAdrMarkdown } from '@paved/plugin-paved-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listFiles, makeContext } from '../__testUtils__/actionContext';
import {
  adrSlug,
  checkAdrInput,
  createAdrCreateAction,
  nextAdrNumber,
  renderAdrMarkdown,
} from './adrCreate';

const base = {
  title: 'Use PostgreSQL for ledger state',
  targetPath: 'repo/docs/adr',
  format: 'nygard',
  status: 'accepted',
  date: '2025-03-04',
  deciders: ['ana', 'ben'],
  context: 'The ledger needs transactions across tables.',
  decision: 'We use **PostgreSQL 16** through CloudNativePG.',
  consequences: '- The team runs a database operator.\n- Backups are PITR.',
};

async function run(
  input: Record<string, unknown>,
  seed?: Record<string, string>,
) {
  const c = await makeContext(input);
  for (const [file, text] of Object.entries(seed ?? {})) {
    const target = path.join(c.workspacePath, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, text);
  }
  const before = await listFiles(c.workspacePath);
  const action = createAdrCreateAction();
  const result = action.handler(c.ctx);
  return { ...c, result, before };
}

const nygard = (n: number, title: string) =>
  `# ${n}. ${title}\n\nDate: 2025-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n`;

describe('paved:adr:create', () => {
  it.each(['nygard', 'madr3'])(
    'writes %s that the catalog parser reads back to the same title, number and status',
    async format => {
      const { result, outputs, workspacePath } = await run({ ...base, format });
      await result;
      expect(outputs).toEqual({
        path: 'repo/docs/adr/0001-use-postgresql-for-ledger-state.md',
        fileName: '0001-use-postgresql-for-ledger-state.md',
        number: 1,
        entityName: 'adr-0001',
      });
      const text = await fs.readFile(
        path.join(workspacePath, outputs.path as string),
        'utf8',
      );
      const parsed = parseAdrMarkdown(text, {
        fileName: outputs.fileName as string,
      });
      expect(parsed).toMatchObject({
        ok: true,
        warnings: [],
        value: {
          format,
          title: base.title,
          number: 1,
          status: 'accepted',
          date: '2025-03-04',
          deciders: ['ana', 'ben'],
          supersedes: [],
        },
      });
      const sections = parsed.ok ? parsed.value.sections : {};
      expect(Object.values(sections).join('\n')).toContain(
        'We use **PostgreSQL 16** through CloudNativePG.',
      );
      expect(Object.values(sections).join('\n')).toContain('Backups are PITR.');
    },
  );

  it.each(['nygard', 'madr3'] as const)(
    'round-trips every status in %s, with an awkward title',
    format => {
      for (const status of [
        'proposed',
        'accepted',
        'rejected',
        'deprecated',
        'superseded',
      ]) {
        const title = 'Adopt "Kyverno": policies as code (v1.12) #2 & more';
        const draft = checkAdrInput({ ...base, title, format, status });
        const text = renderAdrMarkdown(draft, 42);
        const parsed = parseAdrMarkdown(text, {
          fileName: `0042-${adrSlug(title)}.md`,
        });
        expect(parsed).toMatchObject({
          ok: true,
          value: { title, status, number: 42, format },
        });
      }
    },
  );

  it('takes the next number after the highest NNNN-*.md in a fetched folder', async () => {
    const { result, outputs, workspacePath } = await run(
      { ...base, title: 'Use CloudNativePG', supersedes: [2] },
      {
        'repo/docs/adr/0001-record-architecture-decisions.md': nygard(
          1,
          'Record architecture decisions',
        ),
        'repo/docs/adr/0002-use-postgresql.md': nygard(2, 'Use PostgreSQL'),
        'repo/docs/adr/0007-use-kyverno.md': nygard(7, 'Use Kyverno'),
        'repo/docs/adr/README.md': '# Decisions\n',
        'repo/docs/adr/template.md': '# Title\n',
        'repo/docs/adr/notes-0099.md': '# Notes\n',
      },
    );
    await result;
    expect(outputs.number).toBe(8);
    expect(outputs.path).toBe('repo/docs/adr/0008-use-cloudnativepg.md');
    const text = await fs.readFile(
      path.join(workspacePath, outputs.path as string),
      'utf8',
    );
    expect(text).toContain(
      'Supersedes [2. Use PostgreSQL](0002-use-postgresql.md)',
    );
    const parsed = parseAdrMarkdown(text);
    expect(parsed.ok && parsed.value.supersedes).toEqual([
      {
        text: '2. Use PostgreSQL',
        target: '0002-use-postgresql.md',
        number: 2,
      },
    ]);
  });

  it('writes MADR 3 supersedes that the parser reads', async () => {
    const { result, outputs, workspacePath } = await run(
      { ...base, format: 'madr3', supersedes: ['ADR-0002'] },
      { 'repo/docs/adr/0002-use-sqlite.md': nygard(2, 'Use SQLite') },
    );
    await result;
    const text = await fs.readFile(
      path.join(workspacePath, outputs.path as string),
      'utf8',
    );
    const parsed = parseAdrMarkdown(text, {
      fileName: outputs.fileName as string,
    });
    expect(parsed.ok && parsed.value.number).toBe(3);
    expect(parsed.ok && parsed.value.supersedes.map(r => r.number)).toContain(
      2,
    );
  });

  it('starts at 1 in an empty or missing folder, and stays in the workspace', async () => {
    const { result, outputs, workspacePath } = await run({
      ...base,
      targetPath: 'docs/adr/',
    });
    await result;
    expect(outputs.number).toBe(1);
    expect(await listFiles(workspacePath)).toEqual([
      'docs/adr/0001-use-postgresql-for-ledger-state.md',
    ]);
  });

  it('numbers past 9999 and picks a slug for titles without letters', () => {
    expect(nextAdrNumber([{ number: 9999, fileName: '9999-x.md' }])).toBe(
      10000,
    );
    expect(adrSlug('¿¡!')).toBe('decision');
    expect(adrSlug('Élan vital: Ünïcode')).toBe('elan-vital-unicode');
  });

  type Bad = [string, Record<string, unknown>, RegExp];
  it.each<Bad>([
    ['an empty title', { title: '  ' }, /title: must not be empty/],
    ['a missing title', { title: undefined }, /title: must not be empty/],
    ['a two-line title', { title: 'a\nb' }, /title: must be one line/],
    [
      'an unknown format',
      { format: 'madr2' },
      /format: "madr2" must be one of nygard, madr3/,
    ],
    [
      'an unknown status',
      { status: 'maybe' },
      /status: "maybe" must be one of proposed, accepted/,
    ],
    ['a bad date', { date: '2025-02-30' }, /date: "2025-02-30" must be a date/],
    [
      'a decider list that is not a list',
      { deciders: 'ana' },
      /deciders: must be a list/,
    ],
    [
      'a heading in the context',
      { context: 'x\n## Status\nRejected' },
      /context: must not contain level 1 or 2 headings/,
    ],
    [
      'a bad supersedes',
      { supersedes: ['soon'] },
      /supersedes: "soon" must be an ADR number/,
    ],
    [
      'a path leaving the workspace',
      { targetPath: '../elsewhere' },
      /targetPath: "..\/elsewhere" leaves the workspace/,
    ],
    [
      'an absolute path',
      { targetPath: '/etc' },
      /targetPath: "\/etc" is absolute/,
    ],
    [
      'superseding an ADR not in the folder',
      { supersedes: [5] },
      /supersedes: no ADR numbered 5 in repo\/docs\/adr/,
    ],
  ])(
    'refuses %s, naming the field and writing nothing',
    async (_, patch, message) => {
      const { result, workspacePath, before } = await run({
        ...base,
        ...patch,
      });
      await expect(result).rejects.toThrow(message);
      expect(await listFiles(workspacePath)).toEqual(before);
    },
  );

  it('names every bad field at once', async () => {
    const { result } = await run({
      ...base,
      title: '',
      format: 'x',
      status: 'y',
    });
    await expect(result).rejects.toThrow(/title: .*; format: .*; status: /);
  });

  it('refuses a folder that a symbolic link leads out of the workspace', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-outside-'));
    const c = await makeContext({ ...base, targetPath: 'link/adr' });
    await fs.symlink(outside, path.join(c.workspacePath, 'link'));
    await expect(createAdrCreateAction().handler(c.ctx)).rejects.toThrow(
      /targetPath: the folder leads out of the workspace/,
    );
    expect(await fs.readdir(outside)).toEqual([]);
  });
});
