import { ResourceRegistry } from '../resources/registry';
import { KubeObject } from '../types';
import { errorMessage } from './fieldErrors';
import { validateObject } from './validateObject';

const registry = new ResourceRegistry();
const rt = (plural: string, group = '', version = 'v1') =>
  registry.find(group, version, plural)!;
const messages = (
  plural: string,
  obj: KubeObject,
  group?: string,
  version?: string,
) => validateObject(rt(plural, group, version), obj).map(errorMessage);

const deployment = (extra: Record<string, unknown> = {}): KubeObject => ({
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    },
    ...extra,
  },
});

describe('validateObject', () => {
  it('accepts a valid object', () => {
    expect(messages('deployments', deployment(), 'apps')).toEqual([]);
  });

  it('requires a name', () => {
    expect(messages('configmaps', { metadata: { namespace: 'a' } })).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('checks names by the rule of the kind', () => {
    expect(
      messages('configmaps', {
        metadata: { name: 'Bad_Name', namespace: 'a' },
      })[0],
    ).toMatch(
      /^metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of/,
    );
    expect(
      messages('configmaps', { metadata: { name: 'a.b', namespace: 'a' } }),
    ).toEqual([]);
    expect(messages('namespaces', { metadata: { name: 'a.b' } })[0]).toMatch(
      /RFC 1123 label/,
    );
    expect(
      messages('services', { metadata: { name: '1abc', namespace: 'a' } })[0],
    ).toMatch(/DNS-1035 label/);
    expect(
      messages(
        'clusterroles',
        { metadata: { name: 'system:viewer' } },
        'rbac.authorization.k8s.io',
      ),
    ).toEqual([]);
  });

  it('rejects a body kind that does not match the resource', () => {
    expect(
      messages('configmaps', {
        kind: 'Secret',
        metadata: { name: 'a', namespace: 'a' },
      }),
    ).toEqual(['kind: Invalid value: "Secret": must be ConfigMap']);
  });

  it('validates labels', () => {
    expect(
      messages('configmaps', {
        metadata: {
          name: 'a',
          namespace: 'a',
          labels: { 'bad key': 'x', ok: '-bad' },
        },
      }),
    ).toHaveLength(2);
  });

  it('validates workload specs', () => {
    expect(
      messages('deployments', deployment({ replicas: -1 }), 'apps'),
    ).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(
      messages(
        'deployments',
        deployment({ selector: { matchLabels: { app: 'other' } } }),
        'apps',
      )[0],
    ).toContain('`selector` does not match template `labels`');
    expect(
      messages('pods', {
        metadata: { name: 'p', namespace: 'a' },
        spec: { containers: [] },
      }),
    ).toEqual(['spec.containers: Required value']);
  });
});
