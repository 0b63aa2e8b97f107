import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { stringify as toYaml } from 'yaml';
import { authenticate } from '../auth/authorize';
import { ApiContext, ApiResponse } from './context';
import { FaultInjector } from './faults';
import { handleRequest } from './handleRequest';
import { statusForCode } from './status';
import { warningHeader } from './warnings';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** One request as the double saw it, for tests that assert what a client asked for. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Authenticated user, if the token was valid. */
  user?: string;
  status: number;
  /** The Accept header, so tests can tell metadata-only reads from full ones. */
  accept?: string;
  /** The admission step that refused the write: `PodSecurity`, `kyverno:<policies>`, `hook:<name>`. */
  deniedBy?: string;
  /** Warnings sent back (Warning headers), e.g. from Pod Security Admission. */
  warnings?: string[];
}

export interface HttpServerOptions {
  latencyMs?: number;
  faults: FaultInjector;
  requests: RecordedRequest[];
  log?: (line: string) => void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request entity too large'));
        req.destroy();
      } else {
        chunks.push(c);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers))
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  response: ApiResponse,
  streams: Set<() => void>,
) {
  res.setHeader('Audit-Id', randomUUID());
  res.setHeader('Cache-Control', 'no-cache, private');
  const head = req.method === 'HEAD';
  if (response.type === 'stream') {
    res.writeHead(response.status, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
    });
    // Clients wait for headers before reading events; send them now, not with the first event.
    res.flushHeaders();
    let stop: () => void = () => {};
    const finish = () => {
      streams.delete(finish);
      stop();
      if (!res.writableEnded) res.end();
    };
    streams.add(finish);
    stop = response.open({ write: chunk => res.write(chunk), end: finish });
    res.on('close', finish);
    return;
  }
  let body: string | Buffer;
  let type: string;
  if (response.type === 'text') {
    body = response.body;
    type = 'text/plain; charset=utf-8';
  } else if (response.yaml) {
    body = toYaml(response.body);
    type = 'application/yaml';
  } else {
    body = response.json ? response.json() : JSON.stringify(response.body);
    type = 'application/json';
  }
  if (response.type === 'json' && response.warnings?.length)
    res.setHeader('Warning', response.warnings.map(warningHeader));
  res.writeHead(response.status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(head ? undefined : body);
}

export interface RequestListener {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Ends open watch streams. */
  stopStreams(): void;
}

/** The HTTP side: reads requests, applies latency and faults, writes responses, records requests. */
export function createRequestListener(
  ctx: ApiContext,
  opts: HttpServerOptions,
): RequestListener {
  const streams = new Set<() => void>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://double.invalid');
    const method = req.method ?? 'GET';
    const record = (status: number, response?: ApiResponse) => {
      const admission =
        response?.type === 'json'
          ? {
              ...(response.deniedBy ? { deniedBy: response.deniedBy } : {}),
              ...(response.warnings?.length
                ? { warnings: response.warnings }
                : {}),
            }
          : {};
      opts.requests.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        user: authenticate(req.headers.authorization, ctx.tokens)?.user,
        status,
        ...(req.headers.accept ? { accept: req.headers.accept } : {}),
        ...admission,
      });
      opts.log?.(`${method} ${req.url} ${status}`);
    };
    try {
      const body = await readBody(req);
      if (opts.latencyMs) await sleep(opts.latencyMs);
      const fault = opts.faults.take(
        method,
        url.pathname,
        String(req.headers.accept ?? ''),
      );
      if (fault?.type === 'hang') {
        record(0);
        return;
      }
      let response: ApiResponse;
      if (fault) {
        const status = statusForCode(fault.code, fault.message);
        response = { type: 'json', status: fault.code, body: status };
      } else {
        response = handleRequest(ctx, {
          method,
          url: req.url ?? '/',
          headers: headersOf(req),
          body,
        });
      }
      record(response.status, response);
      send(res, req, response, streams);
    } catch (e) {
      const status = statusForCode(413, (e as Error).message);
      record(413);
      send(res, req, { type: 'json', status: 413, body: status }, streams);
    }
  };
  return {
    handle: (req, res) => {
      handle(req, res);
    },
    stopStreams: () => [...streams].forEach(stop => stop()),
  };
}
