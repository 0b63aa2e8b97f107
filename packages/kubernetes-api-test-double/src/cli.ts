import { parseArgs } from 'node:util';
import {
  ANONYMOUS_VIEWER,
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_TOKENS,
  TokenConfig,
  TokenGrant,
} from './auth/tokens';
import {
  DEFAULT_FIXTURES_DIR,
  startKubernetesApiTestDouble,
} from './startServer';

/** 8143: clear of 6443 (a real cluster) and of the portal's 3000/7007. */
export const DEFAULT_PORT = 8143;

const USAGE = `Usage: paved-kube-double [--port N] [--fixtures DIR] [--token TOKEN] [--anonymous none|viewer|admin] [--latency MS] [--quiet]

Starts the Paved Kubernetes API TEST DOUBLE (not a cluster) on 127.0.0.1.
  --port      port to listen on (env PAVED_KUBE_DOUBLE_PORT, default ${DEFAULT_PORT}; 0 = any free port)
  --fixtures  fixture directory (env PAVED_KUBE_DOUBLE_FIXTURES, default the package's fixtures/)
  --token     an extra admin bearer token (env PAVED_KUBE_DOUBLE_TOKEN); the default tokens stay valid
  --anonymous what requests without a token may do (default none: 401). kubectl only sends
              --token over https://, so plain-http kubectl needs this (or use the https URL)
  --latency   delay every response by MS milliseconds
  --quiet     do not log requests`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      fixtures: { type: 'string' },
      token: { type: 'string' },
      latency: { type: 'string' },
      anonymous: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(
    values.port ?? process.env.PAVED_KUBE_DOUBLE_PORT ?? DEFAULT_PORT,
  );
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port: ${values.port}`);
  const extraToken = values.token ?? process.env.PAVED_KUBE_DOUBLE_TOKEN;
  const tokens: TokenConfig = { ...DEFAULT_TOKENS };
  if (extraToken)
    tokens[extraToken] = { ...DEFAULT_TOKENS[DEFAULT_ADMIN_TOKEN] };

  const anonymousMode = values.anonymous ?? 'none';
  const anonymous: Record<string, TokenGrant | undefined> = {
    none: undefined,
    viewer: ANONYMOUS_VIEWER,
    admin: { ...DEFAULT_TOKENS[DEFAULT_ADMIN_TOKEN], user: 'system:anonymous' },
  };
  if (!(anonymousMode in anonymous))
    throw new Error(`invalid --anonymous: ${anonymousMode}`);

  const double = await startKubernetesApiTestDouble({
    anonymous: anonymous[anonymousMode],
    port,
    fixturesDir:
      values.fixtures ??
      process.env.PAVED_KUBE_DOUBLE_FIXTURES ??
      DEFAULT_FIXTURES_DIR,
    tokens,
    latencyMs: values.latency ? Number(values.latency) : undefined,
    log: values.quiet ? undefined : line => process.stdout.write(`${line}\n`),
  });
  const token = extraToken ?? DEFAULT_ADMIN_TOKEN;
  process.stdout.write(
    `Kubernetes API test double (cluster "${double.clusterName}"; a test double, not a cluster)\n` +
      `  listening on ${double.url} and ${double.httpsUrl} (same port, self-signed test CA)\n` +
      `  try: kubectl --server ${double.httpsUrl} --insecure-skip-tls-verify --token ${token} get pods -A\n`,
  );
  const shutdown = () => {
    double.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch(e => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
