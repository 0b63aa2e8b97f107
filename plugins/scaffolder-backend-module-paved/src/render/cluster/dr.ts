import { TierNumber } from '@paved/plugin-paved-common';
import { ClusterChoices } from '../choices';
import { KubeObject, manifest, RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';
import { IBackupStorageLocation, IVeleroSchedule } from './crds';
import { label } from './input';

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

const VELERO_PROVIDER: Record<ClusterChoices['provider'], string> = {
  'aws-eks': 'aws',
  'on-prem': 'aws', // S3-compatible object storage (MinIO, Ceph RGW)
  gke: 'velero.io/gcp',
  aks: 'velero.io/azure',
};

function backupLocation(
  name: string,
  bucket: string,
  region: string,
  provider: ClusterChoices['provider'],
  isDefault: boolean,
): KubeObject {
  return manifest<IBackupStorageLocation>({
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: {
      name,
      namespace: 'velero',
      labels: label,
      annotations: { 'paved.dev/runbook': 'cluster-restore' },
    },
    spec: {
      provider: VELERO_PROVIDER[provider],
      default: isDefault,
      accessMode: 'ReadWrite',
      objectStorage: { bucket, prefix: 'backups' },
      config:
        provider === 'aks'
          ? {
              resourceGroup: `${bucket}-rg`,
              storageAccount: bucket.replace(/-/g, ''),
            }
          : { region },
      credential: { name: 'velero-credentials', key: 'cloud' },
    },
  });
}

/**
 * Velero at the DR tiers (2+): the primary location and the schedules of the
 * tier's RPO (daily at tier 2, hourly from tier 3).
 */
function veleroObjects(o: {
  tier: TierNumber;
  bucket: string;
  region: string;
  provider: ClusterChoices['provider'];
  workloadNamespaces: string[];
}): KubeObject[] {
  const schedule = (
    name: string,
    cron: string,
    template: IVeleroSchedule['spec']['template'],
  ): KubeObject =>
    manifest<IVeleroSchedule>({
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      metadata: {
        name,
        namespace: 'velero',
        labels: label,
        // What to do with these backups when a cluster must be rebuilt.
        annotations: { 'paved.dev/runbook': 'cluster-restore' },
      },
      spec: { schedule: cron, useOwnerReferencesInBackup: false, template },
    });
  const objects = [
    backupLocation('primary', o.bucket, o.region, o.provider, true),
    schedule('daily-full-backup', '0 2 * * *', {
      includedNamespaces: ['*'],
      excludedNamespaces: ['kube-system', 'velero'],
      storageLocation: 'primary',
      ttl: '720h0m0s',
      snapshotMoveData: true,
    }),
  ];
  if (o.tier >= 3) {
    objects.push(
      schedule('hourly-workloads', '0 * * * *', {
        includedNamespaces: o.workloadNamespaces,
        storageLocation: 'primary',
        ttl: '168h0m0s',
      }),
    );
  }
  return objects;
}

/** Tier 4: a location in the secondary region and a schedule that writes to it. */
function veleroCrossRegion(o: {
  bucket: string;
  secondaryRegion: string;
  provider: ClusterChoices['provider'];
  workloadNamespaces: string[];
}): KubeObject[] {
  return [
    backupLocation(
      'cross-region',
      `${o.bucket}-replica`,
      o.secondaryRegion,
      o.provider,
      false,
    ),
    manifest<IVeleroSchedule>({
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      metadata: {
        name: 'cross-region-backup',
        namespace: 'velero',
        labels: label,
        annotations: { 'paved.dev/runbook': 'cluster-restore' },
      },
      spec: {
        schedule: '*/15 * * * *',
        template: {
          includedNamespaces: o.workloadNamespaces,
          storageLocation: 'cross-region',
          ttl: '168h0m0s',
          snapshotMoveData: true,
        },
      },
    }),
  ];
}
