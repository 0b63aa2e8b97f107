import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, Server, Socket } from 'node:net';
import { join } from 'node:path';
import { packageRoot } from '../packageRoot';

/** Test-only TLS material for 127.0.0.1/localhost (see tls/README in the package). */
export const TLS_DIR = join(packageRoot(), 'tls');

const TLS_HANDSHAKE = 0x16;

export interface DualListener {
  server: Server;
  /** PEM of the CA that signed the serving certificate. */
  caPem: string;
  closeAll(): Promise<void>;
}

/**
 * One port that speaks both plain HTTP and HTTPS, told apart by the first
 * byte. HTTPS matters because kubectl (client-go) only sends a bearer token
 * over TLS; plain HTTP keeps `fetch` in tests simple.
 */
export function createDualListener(handler: RequestListener): DualListener {
  const httpServer = createHttpServer(handler);
  const httpsServer = createHttpsServer(
    {
      cert: readFileSync(join(TLS_DIR, 'server.crt')),
      key: readFileSync(join(TLS_DIR, 'server.key')),
    },
    handler,
  );
  const sockets = new Set<Socket>();
  const server = createNetServer(socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', first => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? httpsServer : httpServer).emit(
        'connection',
        socket,
      );
      process.nextTick(() => socket.resume());
    });
  });
  return {
    server,
    caPem: readFileSync(join(TLS_DIR, 'ca.crt'), 'utf8'),
    closeAll: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
