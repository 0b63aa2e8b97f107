import { stringify } from 'yaml';
import { TierNumber } from '@paved/plugin-paved-common';
import { ClusterChoices } from '../choices';
import { RenderedFile } from '../types';
import { textFile } from '../yaml';

/**
 * Control-plane settings the tier asks for (encryption of Secrets at rest
 * at every tier, audit logging from tier 4), in the form each provider
 * takes them: files for a self-managed API server, the eksctl cluster
 * config on EKS, and the CLI flags GKE and AKS set them with. They are not
 * API objects, so they live outside manifests/.
 */
export function controlPlaneConfig(o: {
  cluster: string;
  tier: TierNumber;
  region: string;
  provider: ClusterChoices['provider'];
}): RenderedFile[] {
  const audit = o.tier >= 4;
  switch (o.provider) {
    case 'on-prem':
      return [
        textFile(
          'cluster-config/encryption-config.yaml',
          `# --encryption-provider-config for kube-apiserver. Put the key in a KMS plugin or,\n# at least, generate it on the control plane: never commit it.\n${stringify(
            {
              apiVersion: 'apiserver.config.k8s.io/v1',
              kind: 'EncryptionConfiguration',
              resources: [
                {
                  resources: ['secrets'],
                  providers: [
                    {
                      kms: {
                        apiVersion: 'v2',
                        name: 'paved-kms',
                        endpoint: 'unix:///var/run/kms-plugin/socket.sock',
                        timeout: '3s',
                      },
                    },
                    { identity: {} },
                  ],
                },
              ],
            },
          )}`,
          ['encryption-at-rest'],
        ),
        ...(audit
          ? [
              textFile(
                'cluster-config/audit-policy.yaml',
                // kube-apiserver --audit-policy-file: only a self-managed API server takes it.
                stringify({
                  apiVersion: 'audit.k8s.io/v1',
                  kind: 'Policy',
                  omitStages: ['RequestReceived'],
                  rules: [
                    {
                      level: 'Metadata',
                      resources: [
                        { group: '', resources: ['secrets', 'configmaps'] },
                      ],
                    },
                    {
                      level: 'RequestResponse',
                      resources: [{ group: 'rbac.authorization.k8s.io' }],
                    },
                    { level: 'Metadata' },
                  ],
                }),
                ['audit-policy'],
              ),
            ]
          : []),
      ];
    case 'aws-eks':
      return [
        textFile(
          'cluster-config/eksctl-cluster.yaml',
          `# eksctl create cluster -f (or eksctl utils update-cluster-logging / enable-secrets-encryption)\n${stringify(
            {
              apiVersion: 'eksctl.io/v1alpha5',
              kind: 'ClusterConfig',
              metadata: { name: o.cluster, region: o.region },
              // EKS encrypts Secrets with a KMS key of the account (envelope encryption).
              secretsEncryption: {
                keyARN: `arn:aws:kms:${o.region}:ACCOUNT_ID:alias/${o.cluster}-secrets`,
              },
              ...(audit
                ? {
                    cloudWatch: {
                      clusterLogging: {
                        enableTypes: ['audit', 'authenticator'],
                      },
                    },
                  }
                : {}),
            },
          )}`,
          ['encryption-at-rest', ...(audit ? ['audit-policy'] : [])],
        ),
      ];
    default: {
      const gke = o.provider === 'gke';
      const lines = [
        `# Control plane settings for ${o.cluster} (${gke ? 'GKE' : 'AKS'})`,
        '',
        gke
          ? `Secrets at rest: \`gcloud container clusters update ${o.cluster} --database-encryption-key=projects/PROJECT/locations/${o.region}/keyRings/${o.cluster}/cryptoKeys/secrets\` (application-layer secrets encryption with Cloud KMS).`
          : `Secrets at rest: \`az aks update --name ${o.cluster} --resource-group RG --enable-azure-keyvault-kms --azure-keyvault-kms-key-id KEY_ID\` (KMS etcd encryption with Key Vault).`,
        '',
        ...(audit
          ? [
              gke
                ? 'Audit: GKE writes Admin Activity audit logs to Cloud Logging by default; enable Data Access logs for the Kubernetes Engine API in the project audit config. An API server audit policy file cannot be set on GKE.'
                : 'Audit: `az monitor diagnostic-settings create --resource AKS_ID --logs \'[{"category":"kube-audit","enabled":true}]\' --workspace WORKSPACE_ID`. An API server audit policy file cannot be set on AKS.',
              '',
            ]
          : []),
      ];
      return [
        textFile('cluster-config/control-plane.md', lines.join('\n'), [
          'encryption-at-rest',
          ...(audit ? ['audit-policy'] : []),
        ]),
      ];
    }
  }
}
