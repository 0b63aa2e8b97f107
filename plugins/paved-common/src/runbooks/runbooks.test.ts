import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  leastTenantRoleFor,
  RUNBOOK_TENANT_STEPS,
  AMBIGUOUS_REASONS,
  RUNBOOK_REQUIRED_SECTIONS,
  RUNBOOKS,
  runbookById,
  runbookForReason,
  runbookReasons,
  runbookUrl,
} from './runbooks';
import { TIER_NUMBERS, TIERS } from '../tiers/tiers';

const repoRoot = resolve(__dirname, '../../../..');
const mkdocsConfig = parseYaml(
  readFileSync(join(repoRoot, 'mkdocs.yml'), 'utf8'),
) as { docs_dir?: string; nav?: unknown[] };
const docsDir = join(repoRoot, mkdocsConfig.docs_dir ?? 'docs');
const runbooksDir = join(docsDir, 'runbooks');

/** Markdown without fenced code blocks, so `#` lines in shell are not headings. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
}

/** Explicit heading ids (`## Title {#id}` or `{: #id}`), in page order. */
function headingAnchors(markdown: string): string[] {
  const anchors: string[] = [];
  for (const match of withoutCode(markdown).matchAll(
    /^#{1,6}[ \t].*?\{:?([^}]*)\}[ \t]*$/gm,
  )) {
    for (const token of match[1].trim().split(/\s+/)) {
      if (token.startsWith('#')) anchors.push(token.slice(1));
    }
  }
  return anchors;
}

function missingSections(markdown: string): string[] {
  const anchors = new Set(headingAnchors(markdown));
  return RUNBOOK_REQUIRED_SECTIONS.filter(section => !anchors.has(section));
}

function pageTitle(markdown: string): string | undefined {
  return withoutCode(markdown).match(/^#[ \t]+(.+?)[ \t]*$/m)?.[1];
}

/** Text under one `## ... {#anchor}` heading, up to the next `##`. */
function sectionText(markdown: string, anchor: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex(line =>
    new RegExp(`^##[ \\t].*\\{#${anchor}\\}`).test(line),
  );
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex(line => /^##?[ \t]/.test(line));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

/**
 * Lines that would print a Secret's values: `kubectl get secret` as YAML or
 * JSON, or decoded other than into a key listing or a public certificate.
 */
function secretLeaks(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter(line => /kubectl get secrets?\b/.test(line))
    .filter(
      line =>
        /-o\s*(yaml|json)\b/.test(line) ||
        (/base64 -d/.test(line) && !/jq '[^']*keys'|tls\\\.crt/.test(line)),
    );
}

/** Every page path under a nav entry, flattened. */
function navFiles(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (Array.isArray(entry)) return entry.flatMap(navFiles);
  if (entry && typeof entry === 'object') {
    return Object.values(entry).flatMap(navFiles);
  }
  return [];
}

function runbooksNav(): string[] {
  const section = (mkdocsConfig.nav ?? []).find(
    (entry): entry is { Runbooks: unknown } =>
      typeof entry === 'object' && entry !== null && 'Runbooks' in entry,
  );
  return section ? navFiles(section.Runbooks) : [];
}

const pageFiles = readdirSync(runbooksDir)
  .filter(name => name.endsWith('.md') && name !== 'index.md')
  .sort();
const read = (file: string) => readFileSync(join(docsDir, file), 'utf8');

describe('runbook pages', () => {
  it('finds the pages on disk', () => {
    expect(pageFiles.length).toBeGreaterThanOrEqual(20);
  });

  it.each(RUNBOOKS.map(r => [r.id, r]))(
    'catalogue entry %s has a page whose title matches',
    (_id, entry) => {
      const file = join(docsDir, entry.file);
      expect(existsSync(file)).toBe(true);
      expect(pageTitle(read(entry.file))).toBe(entry.title);
    },
  );

  it('has a catalogue entry for every page', () => {
    const catalogued = RUNBOOKS.map(r => r.file);
    expect(pageFiles.map(name => `runbooks/${name}`)).toEqual(
      [...catalogued].sort(),
    );
  });

  it.each(pageFiles)('%s has every required anchor', name => {
    expect(missingSections(read(`runbooks/${name}`))).toEqual([]);
  });

  it.each(pageFiles)('%s has no duplicate anchors', name => {
    const anchors = headingAnchors(read(`runbooks/${name}`));
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it.each(pageFiles)('%s is in the Runbooks nav of mkdocs.yml', name => {
    expect(runbooksNav()).toContain(`runbooks/${name}`);
  });

  it('has the index in the nav and the index links every page', () => {
    expect(runbooksNav()).toContain('runbooks/index.md');
    const index = read('runbooks/index.md');
    for (const name of pageFiles) {
      expect(index).toContain(`](${name})`);
    }
  });

  it.each(pageFiles)('%s links only to pages that exist', name => {
    const text = withoutCode(read(`runbooks/${name}`));
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+\.md)(#[^)]*)?\)/g)) {
      expect(existsSync(join(runbooksDir, target))).toBe(true);
    }
  });

  it.each(RUNBOOKS.filter(r => r.signals.length > 0).map(r => [r.id, r]))(
    '%s names its signals under Related signals',
    (_id, entry) => {
      const text = sectionText(read(entry.file), 'related-signals');
      expect(text).toBeDefined();
      for (const signal of entry.signals) {
        expect(text).toMatch(new RegExp(`\\b${signal}\\b`));
      }
    },
  );

  it.each(pageFiles)('%s never prints secret values', name => {
    expect(secretLeaks(read(`runbooks/${name}`))).toEqual([]);
  });
});

describe('page checks can fail', () => {
  it('reports missing anchors and ignores anchors inside code', () => {
    const page = [
      '# Example',
      '## Symptoms {#symptoms}',
      '## Checks',
      '```bash',
      '## Fixes {#fixes}',
      '```',
      '## Verify {: #verify .x}',
    ].join('\n');
    expect(missingSections(page)).toEqual(['checks', 'likely-causes', 'fixes']);
  });

  it('reports commands that would print secret values', () => {
    const page = [
      'kubectl get secret db -n app -o yaml',
      "kubectl get secret db -n app -o jsonpath='{.data.password}' | base64 -d",
      "kubectl get secret db -n app -o jsonpath='{.data}' | jq 'keys'",
      "kubectl get secret tls -o jsonpath='{.data.tls\\.crt}' | base64 -d",
    ].join('\n');
    expect(secretLeaks(page)).toHaveLength(2);
  });

  it('reports pages missing from the nav', () => {
    expect(navFiles([{ Runbooks: ['runbooks/a.md'] }])).not.toContain(
      'runbooks/b.md',
    );
  });
});

describe('catalogue', () => {
  it('has unique, slug-shaped ids matching their files and paths', () => {
    const ids = RUNBOOKS.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of RUNBOOKS) {
      expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(entry.file).toBe(`runbooks/${entry.id}.md`);
      expect(entry.path).toBe(`runbooks/${entry.id}/`);
      expect(entry.symptoms.length).toBeGreaterThan(0);
    }
  });

  it('maps every reason to exactly one runbook', () => {
    const seen = new Map<string, string>();
    for (const entry of RUNBOOKS) {
      for (const reason of runbookReasons(entry)) {
        const key = reason.toLowerCase();
        expect([reason, seen.get(key)]).toEqual([reason, undefined]);
        seen.set(key, entry.id);
      }
    }
    const ambiguous = AMBIGUOUS_REASONS.map(r => r.toLowerCase());
    expect([...seen.keys()].filter(r => ambiguous.includes(r))).toEqual([]);
  });

  it('names each reason somewhere on its page', () => {
    const missing = RUNBOOKS.flatMap(entry => {
      const page = read(entry.file);
      return runbookReasons(entry)
        .filter(reason => !page.includes(reason))
        .map(reason => `${entry.id}: ${reason}`);
    });
    expect(missing).toEqual([]);
  });
});

describe('runbookForReason', () => {
  it.each([
    ['CrashLoopBackOff', 'crashloopbackoff'],
    ['Init:CrashLoopBackOff', 'crashloopbackoff'],
    ['ProgressDeadlineExceeded', 'crashloopbackoff'],
    ['BackoffLimitExceeded', 'crashloopbackoff'],
    ['OOMKilled', 'oomkilled'],
    ['FailedScheduling', 'pod-pending'],
    ['Unschedulable', 'pod-pending'],
    ['MemoryPressure', 'evicted-pods'],
    ['Evicted', 'evicted-pods'],
    ['TerminationByKubelet', 'evicted-pods'],
    ['ErrImagePull', 'imagepullbackoff'],
    ['ImagePullBackOff', 'imagepullbackoff'],
    ['CreateContainerConfigError', 'secret-not-found'],
    ['NodeStatusUnknown', 'node-not-ready'],
    ['InsufficientPods', 'pdb-blocking-drain'],
    ['FailedGetResourceMetric', 'hpa-not-scaling'],
    ['TooManyReplicas', 'hpa-not-scaling'],
    ['Forbidden', 'rbac-denied'],
    ['TooManyRequests', 'apiserver-errors'],
    ['etcdNoLeader', 'etcd-degraded'],
    ['NamespaceContentRemaining', 'namespace-stuck-terminating'],
    ['UH', 'mesh-503'],
    ['OutOfSync', 'gitops-sync-failed'],
    ['Degraded', 'gitops-sync-failed'],
    ['SecretSyncedError', 'external-secret-sync-failed'],
    ['PresentError', 'certificate-challenge-failed'],
    ['PartiallyFailed', 'cluster-restore'],
    ['FailedValidation', 'cluster-restore'],
    ['Unavailable', 'cluster-restore'],
  ])('%s resolves to %s', (reason, id) => {
    expect(runbookForReason(reason)?.id).toBe(id);
  });

  it('ignores case and surrounding whitespace', () => {
    expect(runbookForReason('  oomkilled ')?.id).toBe('oomkilled');
  });

  it.each(['', 'Running', 'NotAReason', ...AMBIGUOUS_REASONS])(
    'returns undefined for %p',
    reason => {
      expect(runbookForReason(reason)).toBeUndefined();
    },
  );
});

describe('cluster-restore', () => {
  const page = read(runbookById('cluster-restore')!.file);

  /** Cells of the recovery-targets table row for a tier. */
  const tierRow = (tier: number) =>
    page
      .split('\n')
      .find(line => new RegExp(`^\\|\\s*${tier}\\s*\\|`).test(line))
      ?.split('|')
      .map(cell => cell.trim());

  it.each(TIER_NUMBERS.map(tier => [tier]))(
    'states the RPO and RTO of tier %i as the tier defaults do',
    tier => {
      const { rpo, rto } = TIERS[tier].defaults.disasterRecovery;
      const row = tierRow(tier);
      expect(row).toBeDefined();
      expect(row!.slice(3, 5)).toEqual([rpo, rto]);
    },
  );

  it('links to its checks by id', () => {
    expect(runbookUrl('cluster-restore', { section: 'checks' })).toBe(
      '/docs/default/system/paved/runbooks/cluster-restore/#checks',
    );
  });
});

describe('runbookUrl', () => {
  const pending = runbookById('pod-pending')!;

  it('defaults to the Paved system docs', () => {
    expect(runbookUrl(pending)).toBe(
      '/docs/default/system/paved/runbooks/pod-pending/',
    );
  });

  it('links straight to a section', () => {
    expect(runbookUrl(pending, { section: 'checks' })).toBe(
      '/docs/default/system/paved/runbooks/pod-pending/#checks',
    );
    expect(runbookUrl('oomkilled', { section: 'likely-causes' })).toBe(
      '/docs/default/system/paved/runbooks/oomkilled/#likely-causes',
    );
  });

  it('routes to another entity, lower-casing kind and namespace', () => {
    expect(
      runbookUrl(pending, { entityRef: 'Component:Team-A/My-Service' }),
    ).toBe('/docs/team-a/component/My-Service/runbooks/pod-pending/');
    expect(
      runbookUrl(pending, {
        entityRef: { kind: 'System', namespace: 'default', name: 'platform' },
        section: 'verify',
      }),
    ).toBe('/docs/default/system/platform/runbooks/pod-pending/#verify');
    expect(runbookUrl(pending, { entityRef: 'system:paved' })).toBe(
      '/docs/default/system/paved/runbooks/pod-pending/',
    );
  });

  it('every section anchor it can build exists on the page', () => {
    for (const entry of RUNBOOKS) {
      const anchors = headingAnchors(read(entry.file));
      for (const section of RUNBOOK_REQUIRED_SECTIONS) {
        const url = runbookUrl(entry, { section });
        expect(url.endsWith(`/${entry.path}#${section}`)).toBe(true);
        expect(anchors).toContain(section);
      }
    }
  });

  it('rejects unknown runbooks and refs without a kind', () => {
    expect(() => runbookUrl('nope' as never)).toThrow(/Unknown runbook/);
    expect(() => runbookUrl(pending, { entityRef: 'paved' })).toThrow();
  });

  it('matches the docs folder layout', () => {
    expect(dirname(join(docsDir, pending.file))).toBe(runbooksDir);
  });
});

describe('tenant runbook steps', () => {
  const steps = Object.entries(RUNBOOK_TENANT_STEPS).flatMap(([id, list]) =>
    list.map(s => [id, s] as const),
  );

  it('belong to runbooks that exist', () => {
    for (const id of Object.keys(RUNBOOK_TENANT_STEPS)) {
      expect(runbookById(id)?.id).toBe(id);
    }
  });

  it.each(steps.map(([id, s]) => [id, s.command, s.role, s] as const))(
    '%s: `%s` needs %s',
    (_id, _command, role, s) => {
      expect(leastTenantRoleFor(s.requests)).toBe(role);
    },
  );

  it('are all listed in docs/tenants.md with their role', () => {
    const tenants = readFileSync(join(docsDir, 'tenants.md'), 'utf8');
    const rows = new Set(
      tenants
        .split('\n')
        .filter(l => l.startsWith('|'))
        .map(l =>
          l
            .split('|')
            .slice(1, -1)
            .map(c => c.trim())
            .join(' | '),
        ),
    );
    const missing = steps
      .map(([id, s]) => `${id} | \`${s.command}\` | ${s.role}`)
      .filter(row => !rows.has(row));
    expect(missing).toEqual([]);
  });
});
