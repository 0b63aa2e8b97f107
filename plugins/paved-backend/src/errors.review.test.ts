import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startPavedTestBackend } from './__testUtils__/testBackend';

// Review finding (issue #13): error bodies carried stack traces and absolute
// source paths. Backstage's error handler (`MiddlewareFactory.error()` in
// @backstage/backend-defaults/rootHttpRouter, which the root HTTP router and
// startTestBackend both install) includes `error.stack` only when
// `showStackTraces` is set, and that defaults to
// `process.env.NODE_ENV === 'development'`. There is no app-config switch:
// production mode (any NODE_ENV but `development`) is the switch. This test
// documents both sides so a change in Backstage's default shows up here.
jest.setTimeout(60_000);

const asUser = { Authorization: mockCredentials.user.header() };

/** Starts the Paved test backend with NODE_ENV set while the root router is built. */
async function startWithNodeEnv(nodeEnv: string) {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    // No clusters: the routes below fail before any cluster is read.
    return await startPavedTestBackend([], []);
  } finally {
    process.env.NODE_ENV = saved;
  }
}

/** Every key anywhere in a JSON body, cause chains included. */
function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach(v => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysOf(v, out);
    }
  }
  return out;
}

const ROUTE_ERRORS = [
  // A cluster the Kubernetes backend does not know: 404.
  ['/api/paved/health/cluster/nowhere', 404],
  // A window that is not one of last7d, last30d, mtd: 400.
  ['/api/paved/cost/cluster/nowhere?window=bogus', 400],
  // An entity that is not in the catalog: 404.
  ['/api/paved/crossplane/entity/default/component/missing', 404],
] as const;

describe('error bodies in production mode', () => {
  let production: any;
  let development: any;
  const savedNodeEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    ({ server: production } = await startWithNodeEnv('production'));
    ({ server: development } = await startWithNodeEnv('development'));
  });
  it('leaves NODE_ENV as it found it', () => {
    expect(process.env.NODE_ENV).toBe(savedNodeEnv);
  });

  it.each(ROUTE_ERRORS)(
    'GET %s answers %i without a stack or a source path',
    async (path, status) => {
      const res = await request(production).get(path).set(asUser);
      expect(res.status).toBe(status);
      expect(res.body.error.message).toEqual(expect.any(String));
      expect(res.body.response).toEqual({ statusCode: status });
      expect(keysOf(res.body)).not.toContain('stack');
      const text = res.text;
      expect(text).not.toContain(process.cwd());
      expect(text).not.toContain('node_modules');
      expect(text).not.toMatch(/\.(ts|js):\d+:\d+/);
      expect(text).not.toMatch(/\s+at\s+\S+\s+\(/);
    },
  );

  it('while development mode, the default elsewhere, does include them', async () => {
    const [path, status] = ROUTE_ERRORS[0];
    const res = await request(development).get(path).set(asUser);
    expect(res.status).toBe(status);
    expect(res.body.error.stack).toEqual(expect.any(String));
    expect(res.body.error.stack).toMatch(/\.(ts|js):\d+:\d+/);
  });
});
