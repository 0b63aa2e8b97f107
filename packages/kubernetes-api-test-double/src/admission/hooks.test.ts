import { DEFAULT_ADMIN_TOKEN } from '../auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '../startServer';
import { AdmissionHook, AdmissionRequest } from './types';

let double: KubernetesApiTestDouble;
afterEach(() => double?.close());

async function start(admission: AdmissionHook[]) {
  double = await startKubernetesApiTestDouble({
    now: () => new Date('2026-11-21T06:00:00Z'),
    admission,
  });
}

async function call(
  method: string,
  path: string,
  body: unknown,
  type = 'application/json',
) {
  const res = await fetch(`${double.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
      'Content-Type': type,
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    warnings: res.headers.get('warning'),
    body: await res.json(),
  };
}

const CMS = '/api/v1/namespaces/payments/configmaps';
const configMap = (name: string, data: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

describe('admission hooks', () => {
  it('sees creates and updates, dry runs included, with namespace labels', async () => {
    const seen: AdmissionRequest[] = [];
    await start([
      req => {
        seen.push(req);
        return { allowed: true };
      },
    ]);
    await call('POST', `${CMS}?dryRun=All`, configMap('a'));
    await call('POST', CMS, configMap('a'));
    await call(
      'PATCH',
      `${CMS}/a`,
      { data: { k: 'v' } },
      'application/merge-patch+json',
    );
    expect(seen.map(r => [r.operation, r.dryRun])).toEqual([
      ['CREATE', true],
      ['CREATE', false],
      ['UPDATE', false],
    ]);
    expect(seen[1].namespaceLabels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
    expect(seen[1].object.metadata.uid).toBeDefined();
    expect(seen[2].oldObject?.data).toEqual({});
    expect(seen[2].object.data).toEqual({ k: 'v' });
    expect(seen[2].resource.plural).toBe('configmaps');
    expect(seen[2].userInfo?.username).toBe(
      'system:serviceaccount:kube-system:paved-admin',
    );
    expect(
      seen[2].store.find('v1', 'ConfigMap', 'payments', 'a'),
    ).toBeDefined();
  });

  it('refuses with the hook message and code, recorded in the request log', async () => {
    const gatekeeper: AdmissionHook = req =>
      req.object.data && (req.object.data as any).forbidden
        ? {
            allowed: false,
            code: 403,
            message:
              'admission webhook "validation.gatekeeper.sh" denied the request: [no-forbidden] key "forbidden" is not allowed',
          }
        : { allowed: true, warnings: ['[audit] looked at it'] };
    await start([gatekeeper]);
    const denied = await call('POST', CMS, configMap('x', { forbidden: '1' }));
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'admission webhook "validation.gatekeeper.sh" denied the request: [no-forbidden] key "forbidden" is not allowed',
      code: 403,
    });
    expect(double.requests.at(-1)).toMatchObject({
      status: 403,
      deniedBy: 'hook:gatekeeper',
    });
    expect(
      double.store.find('v1', 'ConfigMap', 'payments', 'x'),
    ).toBeUndefined();

    const allowed = await call('POST', CMS, configMap('y'));
    expect(allowed.status).toBe(201);
    expect(allowed.warnings).toBe('299 - "[audit] looked at it"');
  });

  it('defaults to 400 and runs after Pod Security Admission', async () => {
    const calls: string[] = [];
    await start([
      req => {
        calls.push(req.object.metadata.name ?? '');
        return { allowed: false, message: 'no' };
      },
    ]);
    const res = await call('POST', CMS, configMap('z'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ message: 'no', code: 400 });
    expect(res.body.reason).toBeUndefined();
    expect(double.requests.at(-1)?.deniedBy).toBe('hook:0');

    const pod = await call('POST', '/api/v1/namespaces/payments/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'app', image: 'nginx' }] },
    });
    expect(pod.status).toBe(403);
    expect(calls).toEqual(['z']);
  });
});
