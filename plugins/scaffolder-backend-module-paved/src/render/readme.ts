import {
  OUTPUT_SPEC,
  outputSpecForTier,
  TierNumber,
} from '@paved/plugin-paved-common';
import { textFile } from './yaml';
import { RenderedFile } from './types';

/**
 * A README that lists every generated file, the objects in it and the tier
 * rule(s) each one satisfies, so a reviewer of the pull request can check
 * the output against the tier without reading the generator.
 */
export function renderReadme(opts: {
  title: string;
  intro: string[];
  tier: TierNumber;
  files: RenderedFile[];
  /** List the tier's whole output specification with its files. */
  checkTierSpec: boolean;
  extraSections?: string[];
  /** Numbered apply steps (the cluster's install plan); default: apply manifests/ at once. */
  applySteps?: string[];
}): RenderedFile {
  const describe = (id: string) =>
    OUTPUT_SPEC.find(i => i.id === id)?.description ?? id;
  const lines: string[] = [`# ${opts.title}`, '', ...opts.intro, ''];
  lines.push(
    '## Files',
    '',
    '| File | Objects | Tier rules satisfied |',
    '| --- | --- | --- |',
  );
  for (const f of opts.files) {
    const kinds = f.objects
      ? [...new Set(f.objects.map(o => o.kind))].join(', ')
      : '-';
    const rules = (f.satisfies ?? []).map(describe).join('; ') || '-';
    lines.push(`| \`${f.path}\` | ${kinds} | ${rules} |`);
  }
  lines.push('| `README.md` | - | README with apply instructions |', '');
  if (opts.checkTierSpec) {
    lines.push(
      `## Tier ${opts.tier} output specification`,
      '',
      '| Rule | Tier | Satisfied by |',
      '| --- | --- | --- |',
    );
    for (const item of outputSpecForTier(opts.tier)) {
      const files = opts.files
        .filter(f => f.satisfies?.includes(item.id))
        .map(f => `\`${f.path}\``);
      if (item.id === 'readme') files.push('`README.md`');
      lines.push(
        `| ${item.id}: ${item.description} | ${item.tier} | ${files.join(
          ', ',
        )} |`,
      );
    }
    lines.push('');
  }
  if (opts.applySteps) {
    lines.push(
      '## Apply',
      '',
      'Review, then bring the cluster up in these steps, in this order (each one waits for the one before it):',
      '',
      ...opts.applySteps,
      '',
      'Each step can be checked first with `--dry-run=server`, or applied by the template with `paved:kubernetes:apply` to a cluster configured in the Backstage Kubernetes backend.',
      '',
      ...(opts.extraSections ?? []),
    );
    return textFile('README.md', lines.join('\n'), ['readme']);
  }
  lines.push(
    '## Apply',
    '',
    'Review, then apply with server-side apply (CRDs and namespaces first):',
    '',
    '```sh',
    'kubectl apply --server-side --field-manager=paved-scaffolder -f manifests/ --recursive --dry-run=server',
    'kubectl apply --server-side --field-manager=paved-scaffolder -f manifests/ --recursive',
    '```',
    '',
    'or let the template apply them with `paved:kubernetes:apply` to a cluster configured in the Backstage Kubernetes backend.',
    '',
    ...(opts.extraSections ?? []),
  );
  return textFile('README.md', lines.join('\n'), ['readme']);
}
