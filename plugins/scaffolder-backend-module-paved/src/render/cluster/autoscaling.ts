import type { IEC2NodeClass } from '@kubernetes-models/karpenter/karpenter.k8s.aws/v1/EC2NodeClass';
import type { INodePool } from '@kubernetes-models/karpenter/karpenter.sh/v1/NodePool';
import { NamespaceSpec } from '../namespaceBaseline';
import { KubeObject, manifest, RenderedFile } from '../types';
import { manifestFile, textFile } from '../yaml';
import { BaselineContext, installs } from './context';
import { providerNotes } from './docs';
import { label } from './input';

/**
 * Node autoscaling from tier 3: Karpenter's pool where Karpenter is
 * installed (EKS), otherwise a note on the provider's own autoscaler.
 */
export function nodeAutoscalingFiles(b: BaselineContext): RenderedFile[] {
  const c = b.input;
  if (installs(b, 'karpenter')) {
    return [
      manifestFile(
        'manifests/karpenter/nodepool.yaml',
        karpenterObjects(c.name),
        ['karpenter'],
      ),
    ];
  }
  if (c.tier >= 3) {
    return [
      textFile(
        'docs/node-autoscaling.md',
        `# Node autoscaling\n\n${
          providerNotes(c.tier, c.choices.provider)[0]
        }\n`,
        ['karpenter'],
      ),
    ];
  }
  return [];
}

/** Where VPA is installed: the sample app's VPA in recommendation mode. */
export function vpaFiles(b: BaselineContext): RenderedFile[] {
  if (!installs(b, 'vpa')) return [];
  return [
    manifestFile(
      'manifests/sample-app/vpa.yaml',
      [sampleAppVpa(b.prodNs)],
      ['vpa'],
    ),
  ];
}

function karpenterObjects(cluster: string): KubeObject[] {
  return [
    manifest<INodePool>({
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: 'general', labels: label },
      spec: {
        template: {
          spec: {
            nodeClassRef: {
              group: 'karpenter.k8s.aws',
              kind: 'EC2NodeClass',
              name: 'general',
            },
            requirements: [
              {
                key: 'karpenter.sh/capacity-type',
                operator: 'In',
                values: ['spot', 'on-demand'],
              },
              {
                key: 'kubernetes.io/arch',
                operator: 'In',
                values: ['amd64', 'arm64'],
              },
            ],
          },
        },
        limits: { cpu: '10000' },
        disruption: {
          consolidationPolicy: 'WhenEmptyOrUnderutilized',
          consolidateAfter: '1m',
        },
      },
    }),
    manifest<IEC2NodeClass>({
      apiVersion: 'karpenter.k8s.aws/v1',
      kind: 'EC2NodeClass',
      metadata: { name: 'general', labels: label },
      spec: {
        role: `KarpenterNodeRole-${cluster}`,
        amiSelectorTerms: [{ alias: 'al2023@latest' }],
        subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': cluster } }],
        securityGroupSelectorTerms: [
          { tags: { 'karpenter.sh/discovery': cluster } },
        ],
      },
    }),
  ];
}

/** The VPA kind (no model ships for autoscaling.k8s.io), as far as the baseline writes it. */
interface IVerticalPodAutoscaler {
  apiVersion: 'autoscaling.k8s.io/v1';
  kind: 'VerticalPodAutoscaler';
  metadata: KubeObject['metadata'];
  spec: {
    targetRef: { apiVersion: string; kind: string; name: string };
    updatePolicy?: { updateMode: 'Off' | 'Initial' | 'Recreate' | 'Auto' };
  };
}

/** VPA in recommendation mode: it sizes requests without fighting the HPA over CPU. */
function sampleAppVpa(ns: NamespaceSpec): KubeObject {
  return manifest<IVerticalPodAutoscaler>({
    apiVersion: 'autoscaling.k8s.io/v1',
    kind: 'VerticalPodAutoscaler',
    metadata: { name: 'sample-app', namespace: ns.name, labels: label },
    spec: {
      targetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'sample-app',
      },
      updatePolicy: { updateMode: 'Off' },
    },
  });
}
