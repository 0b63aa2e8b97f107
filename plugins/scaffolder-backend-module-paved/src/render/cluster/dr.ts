import { veleroCrossRegion, veleroObjects } from '../choiceObjects';
import { RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';

/** The next region of the same provider area (eu-west-1 → eu-west-2), for the DR copy. */
export function secondaryRegion(region: string): string {
  const m = /^(.*-)(\d+)$/.exec(region);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${region}-secondary`;
}

/**
 * Disaster recovery: Velero schedules of the workload namespaces from tier
 * 2, a copy to the secondary region from tier 4.
 */
export function backupFiles(b: BaselineContext): RenderedFile[] {
  const c = b.input;
  if (c.tier < 2) return [];
  const workloadNames = b.workloadNs.map(n => n.name);
  const files = [
    manifestFile(
      'manifests/backup/velero.yaml',
      veleroObjects({
        tier: c.tier,
        bucket: `${c.name}-velero`,
        region: c.region,
        provider: c.choices.provider,
        workloadNamespaces: workloadNames,
      }),
      ['velero-schedules'],
    ),
  ];
  if (c.tier >= 4) {
    files.push(
      manifestFile(
        'manifests/backup/velero-cross-region.yaml',
        veleroCrossRegion({
          bucket: `${c.name}-velero`,
          secondaryRegion: secondaryRegion(c.region),
          provider: c.choices.provider,
          workloadNamespaces: workloadNames,
        }),
        ['velero-cross-region'],
      ),
    );
  }
  return files;
}
