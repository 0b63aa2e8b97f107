import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { stringify as toYaml } from 'yaml';
import {
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_TOKENS,
  TokenConfig,
  TokenGrant,
} from './auth/tokens';
import { createAdmission } from './admission/admit';
import { AdmissionHook } from './admission/types';
import { startControllers } from './controllers/controllers';
import { loadFixtures } from './fixtures/loadFixtures';
import { seedStore } from './fixtures/seedStore';
import { fixtureTimeOffsetMs } from './fixtures/fixtureTime';
import { ApiContext } from './http/context';
import { FaultInjector, FaultOptions } from './http/faults';
import { createDualListener } from './http/listener';
import { createRequestListener, RecordedRequest } from './http/server';
import { ResourceRegistry } from './resources/registry';
import { ResourceType } from './resources/types';
import { ObjectStore } from './store/objectStore';
import { seedSyntheticPods, SyntheticPodsOptions } from './scale';
import { packageRoot } from './packageRoot';
import { KubeObject } from './types';

/** The package's own fixtures: the `paved-local` cluster. */
export const DEFAULT_FIXTURES_DIR = join(packageRoot(), 'fixtures');
export const DEFAULT_CLUSTER_NAME = 'paved-local';

export interface KubernetesApiTestDoubleOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Only loopback: '127.0.0.1' (default). */
  host?: '127.0.0.1';
  /** Fixture directory; the package's fixtures/ by default; false for an empty cluster. */
  fixturesDir?: string | false;
  /** Extra objects to seed after the fixtures (same completion rules as fixtures). */
  objects?: KubeObject[];
  /** Many generated Pods (each entry: a Deployment and its Pods), for scale tests. */
  synthetic?: SyntheticPodsOptions[];
  /** Extra served kinds, as if their CRDs were installed. */
  resourceTypes?: ResourceType[];
  /** Bearer tokens and what they may do; defaults to DEFAULT_TOKENS. */
  tokens?: TokenConfig;
  /**
   * What a request without a token may do, like kube-apiserver's anonymous
   * auth (user `system:anonymous`). Unset (the default): such requests get 401.
   */
  anonymous?: TokenGrant;
  /** Name used in kubeconfig(); default `paved-local`. */
  clusterName?: string;
  /** Delay added before every response. */
  latencyMs?: number;
  /**
   * `relative` (the default): fixture times are moved so that the fixtures'
   * epoch (FIXTURE_EPOCH, 2026-11-21T05:00:00Z) is `now()` at start-up, so an
   * event written as four minutes old is four minutes old whenever the double
   * runs. `as-written`: times exactly as in the files. Applies to `objects`
   * too; synthetic objects are made relative to now already.
   */
  fixtureTimes?: 'relative' | 'as-written';
  /** Clock for creation timestamps and table ages; defaults to the real time. */
  now?: () => Date;
  /** Called with one line per request (the CLI logs them). */
  log?: (line: string) => void;
  /**
   * Namespaces Pod Security Admission leaves alone (the API server's
   * `exemptions.namespaces`). Pod Security Admission is always on.
   */
  podSecurityExemptNamespaces?: string[];
  /**
   * Kyverno's `resourceFilters` (`[Kind,Namespace,Name]`, wildcards allowed):
   * requests Kyverno never sees. Defaults to the Helm chart's
   * (KYVERNO_DEFAULT_RESOURCE_FILTERS: Events, Nodes, ReplicaSets,
   * kube-system, kube-public, kube-node-lease, kyverno, ...); `[]` for none.
   */
  kyvernoResourceFilters?: string[];
  /** Extra validating admission, called after Pod Security Admission and Kyverno. */
  admission?: AdmissionHook[];
}

export interface KubernetesApiTestDouble {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The same port over TLS (self-signed test CA): what kubectl needs to send a token. */
  httpsUrl: string;
  /** PEM of the test CA that signed the serving certificate. */
  caPem: string;
  port: number;
  clusterName: string;
  store: ObjectStore;
  registry: ResourceRegistry;
  /** Every request served so far, oldest first. */
  requests: RecordedRequest[];
  clearRequests(): void;
  /** Answer the next matching request(s) with this status code and a Status body. */
  failNext(
    pathPrefix: string,
    statusCode: number,
    options?: FaultOptions,
  ): void;
  /** Never answer the next matching request(s): a cluster that times out. */
  hangNext(pathPrefix: string, options?: FaultOptions): void;
  clearFaults(): void;
  /** A kubeconfig (YAML) for the HTTPS endpoint with the test CA, authenticating with the given token. */
  kubeconfig(token?: string): string;
  close(): Promise<void>;
}

/** Starts the Kubernetes API test double on loopback, seeded with fixtures. */
export async function startKubernetesApiTestDouble(
  options: KubernetesApiTestDoubleOptions = {},
): Promise<KubernetesApiTestDouble> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1')
    throw new Error('the test double only listens on 127.0.0.1');
  const now = options.now ?? (() => new Date());
  const registry = new ResourceRegistry();
  options.resourceTypes?.forEach(rt => registry.add(rt));
  const store = new ObjectStore(registry);

  const fixtures =
    options.fixturesDir === false
      ? { objects: [], logs: new Map<string, string>() }
      : loadFixtures(options.fixturesDir ?? DEFAULT_FIXTURES_DIR);
  seedStore(store, [...fixtures.objects, ...(options.objects ?? [])], {
    timeShiftMs:
      options.fixtureTimes === 'as-written' ? 0 : fixtureTimeOffsetMs(now()),
  });
  for (const synthetic of options.synthetic ?? []) {
    seedSyntheticPods(store, synthetic);
  }
  const stopControllers = startControllers(store, registry, now);
  const admission = createAdmission(store, registry, {
    podSecurityExemptNamespaces: options.podSecurityExemptNamespaces,
    kyvernoResourceFilters: options.kyvernoResourceFilters,
    hooks: options.admission,
  });

  let nextIp = 0;
  const ctx: ApiContext = {
    registry,
    store,
    tokens: options.tokens ?? DEFAULT_TOKENS,
    anonymous: options.anonymous,
    now,
    logs: fixtures.logs,
    serverAddress: `${host}:${options.port ?? 0}`,
    allocateClusterIP: () => {
      nextIp++;
      return `10.96.${200 + Math.floor(nextIp / 250)}.${(nextIp % 250) + 1}`;
    },
    admission,
  };
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  const listener = createRequestListener(ctx, {
    latencyMs: options.latencyMs,
    faults,
    requests,
    log: options.log,
  });
  const { server, caPem, closeAll } = createDualListener(listener.handle);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ctx.serverAddress = `${host}:${port}`;
  const url = `http://${host}:${port}`;
  const httpsUrl = `https://${host}:${port}`;
  const clusterName = options.clusterName ?? DEFAULT_CLUSTER_NAME;

  return {
    url,
    httpsUrl,
    caPem,
    port,
    clusterName,
    store,
    registry,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    failNext: (prefix, code, o) => faults.failNext(prefix, code, o),
    hangNext: (prefix, o) => faults.hangNext(prefix, o),
    clearFaults: () => faults.clear(),
    kubeconfig: (token = DEFAULT_ADMIN_TOKEN) =>
      toYaml({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: clusterName,
            cluster: {
              server: httpsUrl,
              'certificate-authority-data':
                Buffer.from(caPem).toString('base64'),
            },
          },
        ],
        users: [{ name: `${clusterName}-user`, user: { token } }],
        contexts: [
          {
            name: clusterName,
            context: { cluster: clusterName, user: `${clusterName}-user` },
          },
        ],
        'current-context': clusterName,
      }),
    close: async () => {
      stopControllers();
      listener.stopStreams();
      await closeAll();
    },
  };
}
