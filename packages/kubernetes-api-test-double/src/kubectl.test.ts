import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ANONYMOUS_VIEWER, DEFAULT_ADMIN_TOKEN } from './auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from './startServer';

// The real kubectl binary against the double. kubectl only sends a bearer
// token over TLS, so it talks to the HTTPS side of the port.

const KUBECTL = '/usr/bin/kubectl';
const run = promisify(execFile);
const describeWithKubectl = existsSync(KUBECTL) ? describe : describe.skip;
if (!existsSync(KUBECTL)) {
  // eslint-disable-next-line no-console
  console.warn(`kubectl tests skipped: ${KUBECTL} not found`);
}

describeWithKubectl(`kubectl (${KUBECTL}) against the double`, () => {
  let double: KubernetesApiTestDouble;
  let dir: string;

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble();
    dir = mkdtempSync(join(tmpdir(), 'paved-kubectl-'));
  });
  afterAll(async () => {
    await double.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const kubectl = async (...args: string[]) => {
    const base = [
      '--server',
      double.httpsUrl,
      '--insecure-skip-tls-verify',
      '--token',
      DEFAULT_ADMIN_TOKEN,
      '--cache-dir',
      join(dir, 'cache'),
    ];
    const { stdout } = await run(KUBECTL, [...base, ...args], {
      env: { ...process.env, KUBECONFIG: join(dir, 'none') },
    });
    return stdout;
  };

  it('get pods -A lists fixture pods with their statuses', async () => {
    const out = await kubectl('get', 'pods', '-A');
    const lines = out.trim().split('\n');
    expect(lines[0].split(/\s+/)).toEqual([
      'NAMESPACE',
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
    ]);
    const row = (name: string) =>
      lines.find(l => l.split(/\s+/)[1] === name)?.split(/\s{2,}/);
    expect(row('ledger-worker-1')?.slice(0, 4)).toEqual([
      'payments',
      'ledger-worker-1',
      '0/1',
      'CrashLoopBackOff',
    ]);
    expect(row('checkout-web-5f7b9c4d8-qz8lp')?.[3]).toBe('ImagePullBackOff');
    expect(row('checkout-web-6d8f7b9c5-7tlwm')?.[3]).toBe('Evicted');
    expect(row('ledger-worker-2')?.[3]).toBe('Pending');
    expect(row('ledger-reconcile-29920560-x7k2p')?.[3]).toBe('Completed');
    expect(row('payments-api-7c9d8f6b5d-tq9mc')?.[4]).toMatch(/^2 \(.+ ago\)$/);
  });

  it('get nodes and deployments', async () => {
    const nodes = await kubectl('get', 'nodes');
    expect(nodes).toMatch(
      /paved-local-worker-b\s+Ready,SchedulingDisabled\s+worker/,
    );
    expect(nodes).toMatch(/paved-local-worker-c\s+NotReady/);
    const deploy = await kubectl(
      'get',
      'deploy',
      '-n',
      'payments',
      '-o',
      'name',
    );
    expect(deploy.trim()).toBe('deployment.apps/payments-api');
  });

  it('apply --server-side, with and without --dry-run=server', async () => {
    const file = join(dir, 'cm.yaml');
    writeFileSync(
      file,
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kubectl-applied\n  namespace: payments\ndata:\n  greeting: hello\n',
    );
    expect(
      await kubectl('apply', '--server-side', '--dry-run=server', '-f', file),
    ).toContain(
      'configmap/kubectl-applied serverside-applied (server dry run)',
    );
    expect(
      double.store.find('v1', 'ConfigMap', 'payments', 'kubectl-applied'),
    ).toBeUndefined();
    expect(await kubectl('apply', '--server-side', '-f', file)).toContain(
      'configmap/kubectl-applied serverside-applied',
    );
    const stored = double.store.find(
      'v1',
      'ConfigMap',
      'payments',
      'kubectl-applied',
    );
    expect(stored?.metadata.managedFields?.[0]).toMatchObject({
      manager: 'kubectl',
      operation: 'Apply',
    });
    expect(
      await kubectl(
        'get',
        'configmap',
        'kubectl-applied',
        '-n',
        'payments',
        '-o',
        'jsonpath={.data.greeting}',
      ),
    ).toBe('hello');
  });
});

// The exact command the README shows, over plain HTTP. kubectl drops the
// token there, so the portal starts the double with anonymous read access
// (like a cluster that binds system:anonymous to a view role); secrets stay
// forbidden.
describeWithKubectl('kubectl over plain HTTP (portal defaults)', () => {
  let double: KubernetesApiTestDouble;
  let dir: string;

  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({
      anonymous: ANONYMOUS_VIEWER,
    });
    dir = mkdtempSync(join(tmpdir(), 'paved-kubectl-http-'));
  });
  afterAll(async () => {
    await double.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const kubectlHttp = (...args: string[]) =>
    run(
      KUBECTL,
      [
        '--server',
        double.url,
        '--token',
        DEFAULT_ADMIN_TOKEN,
        '--cache-dir',
        join(dir, 'cache'),
        ...args,
      ],
      { env: { ...process.env, KUBECONFIG: join(dir, 'none') } },
    );

  it('get pods -A lists the fixture pods', async () => {
    expect(double.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { stdout } = await kubectlHttp('get', 'pods', '-A');
    expect(stdout).toMatch(
      /payments\s+ledger-worker-1\s+0\/1\s+CrashLoopBackOff/,
    );
    expect(stdout).toContain('payments-api-7c9d8f6b5d-2xkqp');
  });

  it('may not read secrets or write without a token', async () => {
    await expect(kubectlHttp('get', 'secrets', '-A')).rejects.toMatchObject({
      stderr: expect.stringMatching(/Forbidden/),
    });
    await expect(
      kubectlHttp('delete', 'pod', 'ledger-worker-1', '-n', 'payments'),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/Forbidden/) });
  });
});
