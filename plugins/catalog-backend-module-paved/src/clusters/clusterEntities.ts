import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { JsonObject, JsonValue } from '@backstage/types';
import {
  ANNOTATION_TIER,
  isTierNumber,
  TierNumber,
} from '@paved/plugin-paved-common';

/** The annotation Paved's cards and the Kubernetes plugin read a cluster's name from. */
export const ANNOTATION_KUBERNETES_CLUSTER = 'backstage.io/kubernetes-cluster';

/** Reserved key under `paved.clusters`: the provider's own settings, not a cluster. */
export const CATALOG_PROVIDER_KEY = 'catalogProvider';

/** Where a generated cluster entity "comes from", as a location ref. */
export function clusterLocationRef(clusterName: string): string {
  return `paved-cluster-config:${clusterName}`;
}

/** What the Kubernetes backend's `config` locators say about one cluster; no credentials. */
export interface ConfiguredCluster {
  name: string;
  title?: string;
  dashboardUrl?: string;
}

/** What `paved.clusters.<name>` says about one cluster. */
interface PavedClusterSettings {
  owner?: string;
  tier?: TierNumber;
  system?: string;
  title?: string;
  description?: string;
  register: boolean;
}

export interface ClusterEntitiesResult {
  entities: Entity[];
  /** One line per cluster left out, naming it and what to fix. */
  errors: string[];
  /** Clusters left out on purpose (`register: false`). */
  skipped: string[];
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The clusters of every `kubernetes.clusterLocatorMethods` entry of type
 * `config`, in order. Only the name, title and dashboard URL are read: the
 * entity must never carry tokens, CA data or auth settings.
 */
export function configuredClusters(config: RootConfigService): {
  clusters: ConfiguredCluster[];
  errors: string[];
} {
  const clusters: ConfiguredCluster[] = [];
  const errors: string[] = [];
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  methods.forEach((method, m) => {
    if (method.getOptionalString('type') !== 'config') return;
    const entries = method.getOptionalConfigArray('clusters') ?? [];
    entries.forEach((entry, c) => {
      const where = `kubernetes.clusterLocatorMethods[${m}].clusters[${c}]`;
      const name = entry.getOptional('name');
      if (typeof name !== 'string' || name.trim() === '') {
        errors.push(
          `Cluster at ${where} has no name; no catalog entity is registered for it`,
        );
        return;
      }
      const title = entry.getOptional('title');
      const dashboardUrl = entry.getOptional('dashboardUrl');
      clusters.push({
        name,
        ...(typeof title === 'string' && title ? { title } : {}),
        ...(typeof dashboardUrl === 'string' && dashboardUrl
          ? { dashboardUrl }
          : {}),
      });
    });
  });
  return { clusters, errors };
}

/**
 * Reads `paved.clusters.<name>` as a raw object: cluster names may contain
 * characters (dots) that config key lookups would split on.
 */
function pavedSettings(
  config: RootConfigService,
  name: string,
): { settings?: PavedClusterSettings; error?: string } {
  const all = config.getOptional('paved.clusters');
  const raw = isObject(all) ? all[name] : undefined;
  const key = `paved.clusters.${name}`;
  if (raw === undefined || raw === null)
    return { settings: { register: true } };
  if (!isObject(raw)) {
    return { error: `${key} must be an object, got ${JSON.stringify(raw)}` };
  }
  const strings: Record<string, string | undefined> = {};
  for (const field of ['owner', 'system', 'title', 'description'] as const) {
    const value = raw[field];
    if (value !== undefined && (typeof value !== 'string' || !value.trim())) {
      return {
        error: `${key}.${field} must be a non-empty string, got ${JSON.stringify(
          value,
        )}`,
      };
    }
    strings[field] = value as string | undefined;
  }
  let tier: TierNumber | undefined;
  if (raw.tier !== undefined) {
    // YAML may give '2' or 2; both mean tier 2, nothing else is guessed.
    const n =
      typeof raw.tier === 'string' && /^\d+$/.test(raw.tier.trim())
        ? Number(raw.tier)
        : raw.tier;
    if (!isTierNumber(n)) {
      return {
        error: `${key}.tier must be 1, 2, 3, 4 or 5, got ${JSON.stringify(
          raw.tier,
        )}`,
      };
    }
    tier = n;
  }
  if (raw.register !== undefined && typeof raw.register !== 'boolean') {
    return {
      error: `${key}.register must be true or false, got ${JSON.stringify(
        raw.register,
      )}`,
    };
  }
  return {
    settings: {
      ...strings,
      tier,
      register: raw.register !== false,
    },
  };
}

function entityRef(
  value: string,
  defaultKind: string,
  field: string,
): string | { error: string } {
  const bad = {
    error: `${field} is not an entity reference: ${JSON.stringify(value)}`,
  };
  try {
    // parseEntityRef splits without checking the parts; the catalog would
    // refuse the relation later, so check them here where the cluster is named.
    const ref = parseEntityRef(value, {
      defaultKind,
      defaultNamespace: 'default',
    });
    const valid =
      KubernetesValidatorFunctions.isValidKind(ref.kind) &&
      KubernetesValidatorFunctions.isValidNamespace(ref.namespace) &&
      KubernetesValidatorFunctions.isValidObjectName(ref.name);
    return valid ? stringifyEntityRef(ref) : bad;
  } catch {
    return bad;
  }
}

/**
 * One `Resource` of type `kubernetes-cluster` per configured cluster, named
 * as the cluster so that the cards (which read `metadata.name` or
 * `backstage.io/kubernetes-cluster`) find it. A cluster whose settings are
 * wrong is left out whole, with an error naming it: a half-described
 * cluster in the catalog would look right and be wrong.
 */
export function clusterEntitiesFromConfig(
  config: RootConfigService,
): ClusterEntitiesResult {
  const { clusters, errors } = configuredClusters(config);
  const entities: Entity[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const defaultOwner = config.getOptional(
    `paved.clusters.${CATALOG_PROVIDER_KEY}.defaultOwner`,
  );

  for (const cluster of clusters) {
    const { name } = cluster;
    const fail = (why: string) =>
      errors.push(
        `Cluster ${JSON.stringify(
          name,
        )}: ${why}; no catalog entity is registered for it`,
      );
    if (name === CATALOG_PROVIDER_KEY) {
      fail(
        `its name is reserved for paved.clusters.${CATALOG_PROVIDER_KEY}; rename the cluster`,
      );
      continue;
    }
    if (!KubernetesValidatorFunctions.isValidObjectName(name)) {
      fail(
        'the name is not a valid catalog entity name (1-63 of a-z, A-Z, 0-9, "-", "_", ".", starting and ending with a letter or digit)',
      );
      continue;
    }
    if (seen.has(name)) {
      fail('the name is configured more than once; the first one is kept');
      continue;
    }
    seen.add(name);

    const { settings, error } = pavedSettings(config, name);
    if (!settings) {
      fail(error!);
      continue;
    }
    if (!settings.register) {
      skipped.push(name);
      continue;
    }
    const rawOwner = settings.owner ?? defaultOwner;
    if (rawOwner === undefined) {
      fail(
        `no owner: set paved.clusters.${name}.owner or paved.clusters.${CATALOG_PROVIDER_KEY}.defaultOwner (or paved.clusters.${name}.register: false if its entity is written by hand)`,
      );
      continue;
    }
    if (typeof rawOwner !== 'string' || !rawOwner.trim()) {
      fail(
        `paved.clusters.${CATALOG_PROVIDER_KEY}.defaultOwner must be a non-empty string`,
      );
      continue;
    }
    const owner = entityRef(
      rawOwner,
      'group',
      settings.owner
        ? `paved.clusters.${name}.owner`
        : `paved.clusters.${CATALOG_PROVIDER_KEY}.defaultOwner`,
    );
    if (typeof owner !== 'string') {
      fail(owner.error);
      continue;
    }
    const system = settings.system
      ? entityRef(settings.system, 'system', `paved.clusters.${name}.system`)
      : undefined;
    if (system !== undefined && typeof system !== 'string') {
      fail(system.error);
      continue;
    }

    const location = clusterLocationRef(name);
    const title = settings.title ?? cluster.title;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name,
        namespace: 'default',
        ...(title ? { title } : {}),
        description:
          settings.description ??
          `Kubernetes cluster ${name}, registered from the Kubernetes backend's configuration.`,
        annotations: {
          [ANNOTATION_KUBERNETES_CLUSTER]: name,
          ...(settings.tier
            ? { [ANNOTATION_TIER]: String(settings.tier) }
            : {}),
          [ANNOTATION_LOCATION]: location,
          [ANNOTATION_ORIGIN_LOCATION]: location,
        },
        ...(cluster.dashboardUrl
          ? { links: [{ url: cluster.dashboardUrl, title: 'Dashboard' }] }
          : {}),
      },
      spec: {
        type: 'kubernetes-cluster',
        owner,
        ...(system ? { system } : {}),
      },
    });
  }
  return { entities, errors, skipped };
}
