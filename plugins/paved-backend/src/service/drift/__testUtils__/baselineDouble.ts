import {
  DEFAULT_FIXTURES_DIR,
  loadFixtures,
  ResourceRegistry,
  ResourceType,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import {
  checkClusterInput,
  KubeObject,
  manifestObjects,
  renderClusterBaseline,
} from '@paved/plugin-scaffolder-backend-module-paved';

/** The inputs of the tier-3 baseline the tests and the benchmark use. */
export const BASELINE_INPUTS = {
  team: 'platform',
  project: 'shop',
  costCenter: 'cc-1000',
};

export function renderBaseline(name: string, tier: number): KubeObject[] {
  return manifestObjects(
    renderClusterBaseline(
      checkClusterInput({ ...BASELINE_INPUTS, name, tier }),
    ),
  );
}

const plural = (kind: string) => {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (k.endsWith('s')) return `${k}es`;
  return `${k}s`;
};

/**
 * Served kinds for the objects' add-on CRDs the double's fixtures do not
 * install (Kyverno, cert-manager, Argo CD, Velero, ...), as if their
 * charts had put them there.
 */
export function missingResourceTypes(objects: KubeObject[]): ResourceType[] {
  const registry = new ResourceRegistry();
  for (const o of loadFixtures(DEFAULT_FIXTURES_DIR).objects)
    if (o.kind === 'CustomResourceDefinition') registry.registerCrd(o);
  const out = new Map<string, ResourceType>();
  for (const o of objects) {
    if (registry.findByKind(o.apiVersion, o.kind)) continue;
    const [group, version] = o.apiVersion.includes('/')
      ? o.apiVersion.split('/')
      : ['', o.apiVersion];
    out.set(`${o.apiVersion} ${o.kind}`, {
      group,
      version,
      kind: o.kind,
      listKind: `${o.kind}List`,
      plural: plural(o.kind),
      singular: o.kind.toLowerCase(),
      namespaced: !!o.metadata.namespace,
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    });
  }
  return [...out.values()];
}

/**
 * A double holding the cluster's baseline as rendered, after `edit` (the
 * hand changes a test wants to find), beside the usual fixtures.
 */
export function startBaselineDouble(
  objects: KubeObject[],
  edit: (o: KubeObject) => KubeObject | undefined = o => o,
  options: { latencyMs?: number } = {},
) {
  const seeded = objects
    .map(o => edit(structuredClone(o)))
    .filter((o): o is KubeObject => !!o);
  return startKubernetesApiTestDouble({
    port: 0,
    resourceTypes: missingResourceTypes(objects),
    objects: seeded as any,
    ...options,
  });
}
