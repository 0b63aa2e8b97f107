import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** A cluster from the Kubernetes backend's config, as far as Paved uses it. */
export type ConfiguredCluster = {
  name: string;
  url: string;
  authProvider: string;
  serviceAccountToken?: string;
  caData?: string;
  skipTLSVerify: boolean;
};

/**
 * Clusters of every `kubernetes.clusterLocatorMethods[]` entry of type
 * `config`. Paved keeps no cluster list of its own (docs/clusters.md).
 */
export function readConfiguredClusters(config: Config): ConfiguredCluster[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(m => m.getString('type') === 'config')
    .flatMap(m => m.getOptionalConfigArray('clusters') ?? [])
    .map(c => ({
      name: c.getString('name'),
      url: c.getString('url'),
      authProvider: c.getString('authProvider'),
      serviceAccountToken: c.getOptionalString('serviceAccountToken'),
      caData: c.getOptionalString('caData'),
      skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
    }));
}

/**
 * The named cluster with credentials the scaffolder can use on its own.
 * Only `serviceAccount` works server-side: other providers (oidc, google,
 * aws, ...) act as the signed-in user in the browser and give the backend
 * nothing to authenticate a background task with.
 */
export function resolveCluster(
  config: Config,
  name: string,
): ConfiguredCluster {
  const clusters = readConfiguredClusters(config);
  const cluster = clusters.find(c => c.name === name);
  if (!cluster) {
    const known = clusters.map(c => c.name).join(', ') || 'none';
    throw new InputError(
      `cluster: "${name}" is not a cluster in kubernetes.clusterLocatorMethods (type config); known: ${known}`,
    );
  }
  if (
    cluster.authProvider !== 'serviceAccount' ||
    !cluster.serviceAccountToken
  ) {
    throw new InputError(
      `cluster: "${name}" uses authProvider "${cluster.authProvider}"${
        cluster.serviceAccountToken ? '' : ' without serviceAccountToken'
      }; the scaffolder can only apply with authProvider serviceAccount and a serviceAccountToken`,
    );
  }
  return cluster;
}
