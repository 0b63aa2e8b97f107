import { ClusterChoices } from '../choices';
import { KubeObject, manifest, RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';
import {
  IAwsProviderConfig,
  ICompositeResourceDefinition,
  ICrossplaneProvider,
} from './crds';
import { label } from './input';
import { tenantXrd, tierHasCrossplane } from '../tenant/claim';
import { tenantCompositionObjects } from '../tenant/composition';
import {
  PROVIDER_KUBERNETES,
  providerKubernetesAccess,
  providerKubernetesRuntimeConfig,
} from './providerKubernetes';

/**
 * Tier 5: Crossplane's provider for the chosen cloud, the XBucket XRD and
 * the Tenant XRD (one claim per tenant, in the paved-tenants namespace),
 * with provider-kubernetes set up to write what the Tenant Composition
 * composes (its identity, rights and ProviderConfig).
 */
export function crossplaneFiles(b: BaselineContext): RenderedFile[] {
  if (!tierHasCrossplane(b.input.tier)) return [];
  const crossplane = crossplaneObjects(b.input.choices.provider);
  return [
    manifestFile('manifests/crossplane/providers.yaml', crossplane.providers, [
      'crossplane',
    ]),
    manifestFile(
      'manifests/crossplane/xrd.yaml',
      [...crossplane.xrd, tenantXrd(label)],
      ['crossplane'],
    ),
    manifestFile(
      'manifests/crossplane/tenant-composition.yaml',
      tenantCompositionObjects(b.input.tier, label),
    ),
    manifestFile(
      'manifests/crossplane/provider-kubernetes.yaml',
      providerKubernetesAccess(b.input.tier, label),
    ),
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
function crossplaneObjects(provider: ClusterChoices['provider']): {
  providers: KubeObject[];
  xrd: KubeObject[];
} {
  const pkg = CROSSPLANE_PROVIDER[provider];
  const providers: KubeObject[] = [
    providerKubernetesRuntimeConfig(label),
    manifest<ICrossplaneProvider>({
      apiVersion: 'pkg.crossplane.io/v1',
      kind: 'Provider',
      metadata: { name: PROVIDER_KUBERNETES.name, labels: label },
      spec: {
        package: PROVIDER_KUBERNETES.package,
        runtimeConfigRef: {
          apiVersion: 'pkg.crossplane.io/v1beta1',
          kind: 'DeploymentRuntimeConfig',
          name: PROVIDER_KUBERNETES.serviceAccount,
        },
      },
    }),
  ];
  if (pkg) {
    providers.push(
      manifest<ICrossplaneProvider>({
        apiVersion: 'pkg.crossplane.io/v1',
        kind: 'Provider',
        metadata: { name: pkg.split('/').pop()!.split(':')[0], labels: label },
        spec: {
          package: pkg,
          packagePullPolicy: 'IfNotPresent',
          revisionActivationPolicy: 'Automatic',
          revisionHistoryLimit: 1,
        },
      }),
    );
  }
  if (provider === 'aws-eks') {
    providers.push(
      manifest<IAwsProviderConfig>({
        apiVersion: 'aws.upbound.io/v1beta1',
        kind: 'ProviderConfig',
        metadata: {
          name: 'default',
          labels: label,
          annotations: { 'argocd.argoproj.io/sync-wave': '1' },
        },
        spec: { credentials: { source: 'IRSA' } },
      }),
    );
  }
  const xrd = manifest<ICompositeResourceDefinition>({
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
  });
  return { providers, xrd: [xrd] };
}
