import { isPlainObject, KubeObject } from '../types';
import { ALL_VERBS } from './builtins';
import { ResourceType, Subresource } from './types';

/**
 * The resource types a CustomResourceDefinition serves: one per served
 * version, the way the apiextensions server registers them.
 */
export function resourceTypesFromCrd(crd: KubeObject): ResourceType[] {
  const spec = isPlainObject(crd.spec) ? crd.spec : {};
  const names = isPlainObject(spec.names) ? spec.names : {};
  const group = String(spec.group ?? '');
  const kind = String(names.kind ?? '');
  const plural = String(names.plural ?? '');
  if (!group || !kind || !plural) return [];
  const versions = Array.isArray(spec.versions)
    ? spec.versions.filter(isPlainObject)
    : [];
  return versions
    .filter(v => v.served !== false && typeof v.name === 'string')
    .map(v => {
      const declared = isPlainObject(v.subresources) ? v.subresources : {};
      const subresources = (['status', 'scale'] as Subresource[]).filter(
        s => s in declared,
      );
      return {
        group,
        version: String(v.name),
        kind,
        listKind: String(names.listKind ?? `${kind}List`),
        plural,
        singular: String(names.singular ?? kind.toLowerCase()),
        namespaced: spec.scope !== 'Cluster',
        verbs: ALL_VERBS,
        shortNames: stringArray(names.shortNames),
        categories: stringArray(names.categories),
        subresources,
        nameRule: 'dns1123Subdomain' as const,
        fromCrd: crd.metadata.name,
      };
    });
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}

/**
 * Test-only annotation: a CRD carrying it is served and Established only
 * after that many milliseconds (at most a minute), the way a real
 * apiextensions server takes a moment. Until then it reports
 * `Established=False` (reason Installing) and its kinds are not served, so
 * clients can test that they wait.
 */
export const ESTABLISH_DELAY_ANNOTATION =
  'test-double.paved.dev/establish-after-ms';

export function establishDelayMs(crd: KubeObject): number {
  const raw = crd.metadata.annotations?.[ESTABLISH_DELAY_ANNOTATION];
  const ms = Number(raw);
  return raw !== undefined && Number.isInteger(ms) && ms > 0
    ? Math.min(ms, 60_000)
    : 0;
}
