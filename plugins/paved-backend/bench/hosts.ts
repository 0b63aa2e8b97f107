/*
 * The benches' side of doubleHost.ts: one child process per host, driven
 * over IPC, and a count of the TCP connections this process opens to them.
 */
import { fork, ChildProcess } from 'node:child_process';
import diagnosticsChannel from 'node:diagnostics_channel';
import { Socket } from 'node:net';
import { join } from 'node:path';
import type { HostMessage, HostReply } from './doubleHost';

export interface Host {
  send: (m: HostMessage) => Promise<HostReply>;
  child: ChildProcess;
}

export function startHost(): Host {
  const child = fork(join(__dirname, 'doubleHost.ts'), [], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // One request at a time per host: replies come back in order.
  let queue: Promise<unknown> = Promise.resolve();
  const send = (m: HostMessage) => {
    const next = queue.then(
      () =>
        new Promise<HostReply>((resolve, reject) => {
          child.once('message', (r: HostReply) =>
            r.type === 'error' ? reject(new Error(r.message)) : resolve(r),
          );
          child.send(m);
        }),
    );
    queue = next.catch(() => {});
    return next;
  };
  return { send, child };
}

export function exitHosts(hosts: Host[]) {
  for (const host of hosts) {
    if (host.child.connected) {
      host.child.send({ type: 'exit' } satisfies HostMessage);
      host.child.disconnect();
    }
  }
}

/** Requests the hosts' doubles served since the last call (which forgets them). */
export async function takeClusterRequests(hosts: Host[]) {
  const replies = await Promise.all(
    hosts.map(h => h.send({ type: 'requests' })),
  );
  let total = 0;
  const byShape: Record<string, number> = {};
  for (const r of replies) {
    if (r.type !== 'requests') continue;
    total += r.counts.reduce((a, b) => a + b, 0);
    for (const [k, v] of Object.entries(r.byShape)) {
      byShape[k] = (byShape[k] ?? 0) + v;
    }
  }
  return { total, byShape };
}

/**
 * Counts the TCP connections this process (the backend, in-process) opens to
 * the given ports, from Node's `net.client.socket` diagnostics channel: every
 * socket `net.connect` creates, the Kubernetes backend's proxy's included.
 */
export function countConnectionsTo(ports: Set<number>) {
  let count = 0;
  const onSocket = (message: unknown) => {
    const socket = (message as { socket: Socket }).socket;
    socket.once('connect', () => {
      if (socket.remotePort !== undefined && ports.has(socket.remotePort)) {
        count++;
      }
    });
  };
  diagnosticsChannel.subscribe('net.client.socket', onSocket);
  return {
    /** Connections opened since the last call. */
    take: () => {
      const n = count;
      count = 0;
      return n;
    },
    close: () => diagnosticsChannel.unsubscribe('net.client.socket', onSocket),
  };
}

/** Process CPU time (user + system) in ms since `start`. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** A whole-number setting from the environment, at least `min`; the fallback when unset. */
export function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(
      `${name} must be an integer of at least ${min}, got '${raw}'`,
    );
  }
  return n;
}
