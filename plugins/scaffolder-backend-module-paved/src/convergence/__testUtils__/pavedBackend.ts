/*
 * A real Backstage backend over a converged cluster, for reading it through
 * Paved's routes as a signed-in user: the Kubernetes backend with the
 * double as a `config` cluster, Paved's backend plugin, a catalog holding
 * the given entities and permissions that allow everything (the minimum of
 * paved-backend's own test backend).
 *
 * The backend runs in a child Node process (`pavedBackendProcess.ts`), not
 * in Jest: the Kubernetes backend loads `@kubernetes/client-node`, which is
 * ESM only, with a dynamic `import()`, and this package's Jest transform
 * keeps dynamic imports as they are, so inside Jest every proxy call fails
 * with "A dynamic import callback was invoked without
 * --experimental-vm-modules". One child serves a whole test file: starting
 * a backend in it once its modules are loaded takes a fraction of a second.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { BackendCommand, BackendReply } from './pavedBackendProcess';

export type PavedBackend = {
  /** GET a path of the backend as the default mock user; the body parsed as JSON when it is. */
  get(path: string): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
};

export type PavedBackendProcess = {
  /** Starts a backend (stopping the one before it); `clusters` are the Kubernetes backend's config clusters. */
  start(
    entities: Entity[],
    clusters: Array<{ name: string; url: string }>,
  ): Promise<PavedBackend>;
  /** Stops the backend and ends the process. */
  close(): Promise<void>;
};

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

const PACKAGE_ROOT = path.resolve(__dirname, '../../..');

/** Forks the process that runs the backends; close it when done. */
export async function startPavedBackendProcess(): Promise<PavedBackendProcess> {
  const child: ChildProcess = fork(
    path.join(__dirname, 'pavedBackendProcess.ts'),
    [],
    {
      cwd: PACKAGE_ROOT,
      execArgv: ['--import', 'tsx', '--no-deprecation'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', d => {
    stderr = `${stderr}${d}`.slice(-4000);
  });
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const pending = new Map<
    number,
    { resolve: (r: BackendReply) => void; reject: (e: Error) => void }
  >();
  child.on('message', (reply: BackendReply) => {
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  });
  child.once('exit', code => {
    for (const p of pending.values())
      p.reject(new Error(`the backend process exited (${code}):\n${stderr}`));
    pending.clear();
  });
  let nextId = 0;
  const send = (cmd: WithoutId<BackendCommand>): Promise<BackendReply> =>
    new Promise<BackendReply>((resolve, reject) => {
      if (!child.connected) {
        reject(new Error(`the backend process is gone:\n${stderr}`));
        return;
      }
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ ...cmd, id }, e => {
        if (!e) return;
        pending.delete(id);
        reject(e);
      });
    }).then(reply => {
      if (reply.error) throw new Error(`backend: ${reply.error}`);
      return reply;
    });

  return {
    async start(entities, clusters) {
      const { port } = await send({ op: 'start', entities, clusters });
      const base = `http://localhost:${port}`;
      return {
        async get(p) {
          const res = await fetch(`${base}${p}`, {
            headers: { Authorization: mockCredentials.user.header() },
          });
          const text = await res.text();
          let body: any = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON
          }
          return { status: res.status, body };
        },
        stop: async () => {
          await send({ op: 'stop' });
        },
      };
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.disconnect();
      const timer = setTimeout(() => child.kill(), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
