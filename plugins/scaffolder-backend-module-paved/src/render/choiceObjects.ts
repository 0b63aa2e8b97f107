import { TierNumber } from '@paved/plugin-paved-common';
import { MANAGED_BY } from './labels';
import { ClusterChoices } from './choices';
import { KubeObject } from './types';

const label = { 'app.kubernetes.io/managed-by': MANAGED_BY };

/**
 * OPA Gatekeeper (policy engine gatekeeper or kyverno-and-gatekeeper): the
 * ConstraintTemplate of seed 002 and the constraint Gatekeeper's generated
 * CRD accepts. The constraint syncs after the template (its CRD exists only
 * once Gatekeeper has read the template).
 */
export function gatekeeperPolicies(prodNamespaces: string[]): KubeObject[] {
  return [
    {
      apiVersion: 'templates.gatekeeper.sh/v1',
      kind: 'ConstraintTemplate',
      metadata: { name: 'k8sresourcelimits', labels: label },
      spec: {
        crd: {
          spec: {
            names: { kind: 'K8sResourceLimits' },
            validation: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  maxCPU: { type: 'string' },
                  maxMemory: { type: 'string' },
                },
              },
            },
          },
        },
        targets: [
          {
            target: 'admission.k8s.gatekeeper.sh',
            rego: [
              'package k8sresourcelimits',
              '',
              'violation[{"msg": msg}] {',
              '  container := input.review.object.spec.containers[_]',
              '  not container.resources.limits.cpu',
              '  msg := sprintf("Container %v must have CPU limits", [container.name])',
              '}',
              '',
              'violation[{"msg": msg}] {',
              '  container := input.review.object.spec.containers[_]',
              '  not container.resources.limits.memory',
              '  msg := sprintf("Container %v must have memory limits", [container.name])',
              '}',
              '',
            ].join('\n'),
          },
        ],
      },
    },
    {
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
      kind: 'K8sResourceLimits',
      metadata: {
        name: 'must-have-limits',
        labels: label,
        annotations: { 'argocd.argoproj.io/sync-wave': '1' },
      },
      spec: {
        enforcementAction: 'deny',
        match: {
          kinds: [{ apiGroups: [''], kinds: ['Pod'] }],
          namespaces: prodNamespaces,
        },
        parameters: { maxCPU: '4', maxMemory: '8Gi' },
      },
    },
  ];
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
  return {
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
  };
}

/**
 * Velero at the DR tiers (2+): the primary location and the schedules of the
 * tier's RPO (daily at tier 2, hourly from tier 3).
 */
export function veleroObjects(o: {
  tier: TierNumber;
  bucket: string;
  region: string;
  provider: ClusterChoices['provider'];
  workloadNamespaces: string[];
}): KubeObject[] {
  const schedule = (
    name: string,
    cron: string,
    template: Record<string, unknown>,
  ): KubeObject => ({
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
export function veleroCrossRegion(o: {
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
    {
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
    },
  ];
}

const CROSSPLANE_PROVIDER: Record<
  ClusterChoices['provider'],
  string | undefined
> = {
  'aws-eks': 'xpkg.upbound.io/upbound/provider-aws-s3:v1.16.0',
  gke: 'xpkg.upbound.io/upbound/provider-gcp-storage:v1.8.3',
  aks: 'xpkg.upbound.io/upbound/provider-azure-storage:v1.7.0',
  'on-prem': undefined,
};

/**
 * Crossplane (tier 5): the provider of the chosen cloud with its
 * ProviderConfig (AWS through IRSA), and the XRD tenants claim buckets with.
 */
export function crossplaneObjects(provider: ClusterChoices['provider']): {
  providers: KubeObject[];
  xrd: KubeObject[];
} {
  const pkg = CROSSPLANE_PROVIDER[provider];
  const providers: KubeObject[] = [
    {
      apiVersion: 'pkg.crossplane.io/v1',
      kind: 'Provider',
      metadata: { name: 'provider-kubernetes', labels: label },
      spec: { package: 'xpkg.upbound.io/upbound/provider-kubernetes:v0.15.0' },
    },
  ];
  if (pkg) {
    providers.push({
      apiVersion: 'pkg.crossplane.io/v1',
      kind: 'Provider',
      metadata: { name: pkg.split('/').pop()!.split(':')[0], labels: label },
      spec: {
        package: pkg,
        packagePullPolicy: 'IfNotPresent',
        revisionActivationPolicy: 'Automatic',
        revisionHistoryLimit: 1,
      },
    });
  }
  if (provider === 'aws-eks') {
    providers.push({
      apiVersion: 'aws.upbound.io/v1beta1',
      kind: 'ProviderConfig',
      metadata: {
        name: 'default',
        labels: label,
        annotations: { 'argocd.argoproj.io/sync-wave': '1' },
      },
      spec: { credentials: { source: 'IRSA' } },
    });
  }
  const xrd: KubeObject = {
    apiVersion: 'apiextensions.crossplane.io/v1',
    kind: 'CompositeResourceDefinition',
    metadata: { name: 'xbuckets.platform.paved.dev', labels: label },
    spec: {
      group: 'platform.paved.dev',
      names: { kind: 'XBucket', plural: 'xbuckets' },
      claimNames: { kind: 'Bucket', plural: 'buckets' },
      defaultCompositeDeletePolicy: 'Foreground',
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          referenceable: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  required: ['region'],
                  properties: {
                    region: { type: 'string' },
                    versioning: { type: 'boolean', default: true },
                  },
                },
              },
            },
          },
        },
      ],
    },
  };
  return { providers, xrd: [xrd] };
}

/**
 * Linkerd (mesh linkerd): the sample app's port as a Server that denies by
 * default, and an AuthorizationPolicy that admits meshed clients of the same
 * namespace through a MeshTLSAuthentication.
 */
export function linkerdPolicy(namespace: string, app: string): KubeObject[] {
  return [
    {
      apiVersion: 'policy.linkerd.io/v1beta3',
      kind: 'Server',
      metadata: { name: `${app}-http`, namespace, labels: label },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': app } },
        port: 'http',
        proxyProtocol: 'HTTP/1',
        accessPolicy: 'deny',
      },
    },
    {
      apiVersion: 'policy.linkerd.io/v1alpha1',
      kind: 'MeshTLSAuthentication',
      metadata: { name: 'same-namespace', namespace, labels: label },
      spec: {
        identities: [
          `*.${namespace}.serviceaccount.identity.linkerd.cluster.local`,
        ],
      },
    },
    {
      apiVersion: 'policy.linkerd.io/v1alpha1',
      kind: 'AuthorizationPolicy',
      metadata: {
        name: `${app}-http-same-namespace`,
        namespace,
        labels: label,
      },
      spec: {
        targetRef: {
          group: 'policy.linkerd.io',
          kind: 'Server',
          name: `${app}-http`,
        },
        requiredAuthenticationRefs: [
          {
            group: 'policy.linkerd.io',
            kind: 'MeshTLSAuthentication',
            name: 'same-namespace',
          },
        ],
      },
    },
  ];
}
