import { createHash } from 'node:crypto';
import { ResourceRegistry } from '../resources/registry';
import { ResourceType } from '../resources/types';
import { SERVER_VERSION } from './discovery';

// A skeleton OpenAPI v3: operations and parameters, no schemas. kubectl reads
// it to learn that PATCH accepts fieldValidation (so it validates on the
// server instead of downloading schemas); the double does not check fields.

const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation'].map(
  name => ({
    name,
    in: 'query',
    schema: { type: 'string', uniqueItems: true },
  }),
);

function prefixOf(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function hashOf(value: unknown): string {
  return createHash('sha512')
    .update(JSON.stringify(value))
    .digest('hex')
    .slice(0, 128)
    .toUpperCase();
}

function operations(rt: ResourceType) {
  const gvk = { group: rt.group, version: rt.version, kind: rt.kind };
  const op = (action: string, params: object[] = []) => ({
    operationId: `${action}${rt.kind}`,
    parameters: params,
    responses: { '200': { description: 'OK' } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
  });
  const item: Record<string, unknown> = {};
  const has = (v: string) => (rt.verbs as string[]).includes(v);
  if (has('get')) item.get = op('get');
  if (has('update')) item.put = op('put', WRITE_PARAMS);
  if (has('patch')) {
    item.patch = op('patch', [
      ...WRITE_PARAMS,
      { name: 'force', in: 'query', schema: { type: 'boolean' } },
    ]);
  }
  if (has('delete')) item.delete = op('delete', [WRITE_PARAMS[0]]);
  const collection: Record<string, unknown> = {};
  if (has('list')) collection.get = op('list');
  if (has('create')) collection.post = op('post', WRITE_PARAMS);
  return { item, collection };
}

export function openApiGroupVersion(
  registry: ResourceRegistry,
  group: string,
  version: string,
) {
  const paths: Record<string, unknown> = {};
  for (const rt of registry.resourcesIn(group, version)) {
    const base = `/${prefixOf(group, version)}${
      rt.namespaced ? '/namespaces/{namespace}' : ''
    }/${rt.plural}`;
    const { item, collection } = operations(rt);
    paths[base] = collection;
    paths[`${base}/{name}`] = item;
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion },
    paths,
    components: {},
  };
}

export function openApiRoot(registry: ResourceRegistry) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  const gvs = new Set(registry.all().map(rt => `${rt.group}|${rt.version}`));
  for (const gv of [...gvs].sort()) {
    const [group, version] = gv.split('|');
    const prefix = prefixOf(group, version);
    const hash = hashOf(openApiGroupVersion(registry, group, version));
    paths[prefix] = { serverRelativeURL: `/openapi/v3/${prefix}?hash=${hash}` };
  }
  return { paths };
}
