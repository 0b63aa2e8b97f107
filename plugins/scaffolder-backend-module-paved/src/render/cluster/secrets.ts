import type { IClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore';
import { manifest, RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';
import { label } from './input';

/**
 * Secrets choice external-secrets-vault: the store that reads Vault as the
 * external-secrets service account. (Sealed Secrets needs no object here:
 * its controller is an add-on.)
 */
export function secretStoreFiles(b: BaselineContext): RenderedFile[] {
  if (b.input.choices.secrets !== 'external-secrets-vault') return [];
  return [
    manifestFile(
      'manifests/secrets/cluster-secret-store.yaml',
      [
        manifest<IClusterSecretStore>({
          apiVersion: 'external-secrets.io/v1',
          kind: 'ClusterSecretStore',
          metadata: { name: 'vault', labels: label },
          spec: {
            provider: {
              vault: {
                server: 'http://vault.vault.svc:8200',
                path: 'secret',
                version: 'v2',
                auth: {
                  kubernetes: {
                    mountPath: 'kubernetes',
                    role: 'external-secrets',
                    serviceAccountRef: {
                      name: 'external-secrets',
                      namespace: 'external-secrets',
                    },
                  },
                },
              },
            },
          },
        }),
      ],
      ['external-secrets-vault'],
    ),
  ];
}
