import { Admission } from '../admission/admit';
import { TokenConfig, TokenGrant } from '../auth/tokens';
import { ResourceRegistry } from '../resources/registry';
import { ObjectStore } from '../store/objectStore';

/** Everything request handling needs; no sockets in here. */
export interface ApiContext {
  registry: ResourceRegistry;
  store: ObjectStore;
  tokens: TokenConfig;
  /** Grant for requests without a token; undefined means they get 401. */
  anonymous?: TokenGrant;
  now: () => Date;
  /** Fixture log text by `namespace/pod/container` (and `.../previous`). */
  logs: Map<string, string>;
  /** host:port the server reports in /api serverAddressByClientCIDRs. */
  serverAddress: string;
  allocateClusterIP: () => string;
  /** Validating admission for creates and updates; none when unset. */
  admission?: Admission;
}

export interface ApiRequest {
  method: string;
  /** Path and query, as on the request line. */
  url: string;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export type ApiResponse =
  | {
      type: 'json';
      status: number;
      body: unknown;
      yaml?: boolean;
      /** Sent as `Warning: 299 - "..."` headers. */
      warnings?: string[];
      /** The admission step that refused the request, for the request log. */
      deniedBy?: string;
      /**
       * The body already as JSON, byte for byte what `JSON.stringify(body)`
       * writes (lists reuse each stored object's text; see listText.ts).
       */
      json?: () => Buffer;
    }
  | { type: 'text'; status: number; body: string }
  | { type: 'stream'; status: number; open: (sink: StreamSink) => () => void };

/** Where a watch writes events; `end` finishes the response. */
export interface StreamSink {
  write(chunk: string | Buffer): void;
  end(): void;
}

export const json = (status: number, body: unknown): ApiResponse => ({
  type: 'json',
  status,
  body,
});
