import { matchPattern } from './matchPattern';

const pod = (
  spec: Record<string, unknown>,
  labels?: Record<string, string>,
) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'ns', ...(labels ? { labels } : {}) },
  spec,
});

const containers = (...cs: Record<string, unknown>[]) => ({
  containers: cs.map((c, i) => ({ name: `c${i}`, image: 'nginx:1.27', ...c })),
});

describe('matchPattern', () => {
  it('passes when every pattern key matches', () => {
    expect(
      matchPattern(pod({}, { app: 'web' }), {
        metadata: { labels: { app: '?*' } },
      }),
    ).toBeUndefined();
  });

  it('fails at the path of the first mismatch', () => {
    expect(
      matchPattern(pod({}, { team: 'x' }), {
        metadata: { labels: { app: '?*' } },
      }),
    ).toMatchObject({ path: '/metadata/labels/app/', skip: false });
    expect(
      matchPattern(pod({}), {
        metadata: { labels: { app: '?*' } },
      }),
    ).toMatchObject({ path: '/metadata/labels/', skip: false });
  });

  it('applies a list pattern element to every list element', () => {
    const pattern = { spec: { containers: [{ image: '!*:latest' }] } };
    expect(
      matchPattern(pod(containers({}, { image: 'nginx:latest' })), pattern),
    ).toMatchObject({ path: '/spec/containers/1/image/' });
    expect(matchPattern(pod(containers({}, {})), pattern)).toBeUndefined();
  });

  it('checks scalar list patterns against every value', () => {
    const pattern = {
      spec: {
        containers: [{ securityContext: { capabilities: { drop: ['ALL'] } } }],
      },
    };
    expect(
      matchPattern(
        pod(
          containers({ securityContext: { capabilities: { drop: ['ALL'] } } }),
        ),
        pattern,
      ),
    ).toBeUndefined();
    expect(
      matchPattern(
        pod(
          containers({
            securityContext: { capabilities: { drop: ['NET_RAW'] } },
          }),
        ),
        pattern,
      ),
    ).toMatchObject({
      path: '/spec/containers/0/securityContext/capabilities/drop/',
    });
  });

  it('conditional anchors skip what does not meet the condition', () => {
    const pattern = {
      spec: {
        containers: [{ '(image)': '*:latest', imagePullPolicy: 'Always' }],
      },
    };
    // No container uses :latest: skipped.
    expect(matchPattern(pod(containers({})), pattern)).toMatchObject({
      skip: true,
    });
    // One does and pulls Always; the other is skipped: pass.
    expect(
      matchPattern(
        pod(containers({}, { image: 'x:latest', imagePullPolicy: 'Always' })),
        pattern,
      ),
    ).toBeUndefined();
    expect(
      matchPattern(
        pod(containers({ image: 'x:latest', imagePullPolicy: 'IfNotPresent' })),
        pattern,
      ),
    ).toMatchObject({
      path: '/spec/containers/0/imagePullPolicy/',
      skip: false,
    });
  });

  it('equality anchors check keys only when present', () => {
    const pattern = { spec: { '=(hostNetwork)': false } };
    expect(matchPattern(pod({}), pattern)).toBeUndefined();
    expect(matchPattern(pod({ hostNetwork: false }), pattern)).toBeUndefined();
    expect(matchPattern(pod({ hostNetwork: true }), pattern)).toMatchObject({
      path: '/spec/hostNetwork/',
    });
  });

  it('negation anchors forbid keys', () => {
    const pattern = {
      spec: { 'X(hostPID)': 'null', containers: [{ 'X(ports)': null }] },
    };
    expect(matchPattern(pod(containers({})), pattern)).toBeUndefined();
    expect(
      matchPattern(pod({ hostPID: false, ...containers({}) }), pattern),
    ).toMatchObject({ path: '/spec/hostPID/', skip: false });
  });

  it('existence anchors need one matching element', () => {
    const pattern = { spec: { '^(containers)': [{ image: 'sidecar:*' }] } };
    expect(
      matchPattern(pod(containers({}, { image: 'sidecar:2' })), pattern),
    ).toBeUndefined();
    expect(matchPattern(pod(containers({})), pattern)).toMatchObject({
      path: '/spec/containers/',
    });
  });

  it('global anchors skip the whole rule', () => {
    const pattern = {
      spec: {
        '<(serviceAccountName)': 'build-*',
        containers: [{ image: 'registry.internal/*' }],
      },
    };
    expect(
      matchPattern(
        pod({ serviceAccountName: 'web', ...containers({}) }),
        pattern,
      ),
    ).toMatchObject({ skip: true });
    expect(
      matchPattern(
        pod({ serviceAccountName: 'build-1', ...containers({}) }),
        pattern,
      ),
    ).toMatchObject({ skip: false, path: '/spec/containers/0/image/' });
  });

  it('a pattern "*" needs the key to exist', () => {
    expect(
      matchPattern(pod({}, { app: 'x' }), {
        metadata: { labels: { app: '*' } },
      }),
    ).toBeUndefined();
    expect(
      matchPattern(pod({}, { team: 'x' }), {
        metadata: { labels: { app: '*' } },
      }),
    ).toMatchObject({ path: '/metadata/labels/' });
  });

  it('expands wildcard label keys', () => {
    const pattern = { metadata: { labels: { 'app.kubernetes.io/*': '?*' } } };
    expect(
      matchPattern(pod({}, { 'app.kubernetes.io/name': 'web' }), pattern),
    ).toBeUndefined();
    expect(matchPattern(pod({}, { app: 'web' }), pattern)).toMatchObject({
      skip: false,
    });
  });

  it('reports structure mismatches', () => {
    expect(
      matchPattern(pod({ containers: 'x' }), {
        spec: { containers: [{ name: '*' }] },
      }),
    ).toMatchObject({ path: '/spec/containers/' });
  });
});
