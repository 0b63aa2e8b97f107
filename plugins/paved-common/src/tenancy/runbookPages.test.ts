import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runbookById, RUNBOOK_TENANT_STEPS } from '../runbooks/runbooks';

/*
 * Each runbook page tenants use says, under "Who can run these steps"
 * ({#tenant-roles}), which tenant role each step needs: the same steps, in
 * the same order and with the same roles as RUNBOOK_TENANT_STEPS.
 */
const repoRoot = resolve(__dirname, '../../../..');
const docsDir = join(
  repoRoot,
  (
    parseYaml(readFileSync(join(repoRoot, 'mkdocs.yml'), 'utf8')) as {
      docs_dir?: string;
    }
  ).docs_dir ?? 'docs',
);

/** The rows (step, role) of the page's tenant-roles section. */
function pageRows(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex(l => /^##[ \t].*\{#tenant-roles\}/.test(l));
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex(l => /^##?[ \t]/.test(l));
  return (end < 0 ? rest : rest.slice(0, end))
    .filter(l => l.startsWith('|'))
    .map(l =>
      l
        .split('|')
        .slice(1, -1)
        .map(c => c.trim())
        .join(' | '),
    )
    .filter(row => !/^-+ \| -+$/.test(row) && row !== 'Step | Role');
}

describe('runbook pages state the tenant role of each step', () => {
  it.each(Object.keys(RUNBOOK_TENANT_STEPS))('%s', id => {
    const page = readFileSync(join(docsDir, runbookById(id)!.file), 'utf8');
    expect(pageRows(page)).toEqual(
      RUNBOOK_TENANT_STEPS[id].map(s => `\`${s.command}\` | ${s.role}`),
    );
  });
});
