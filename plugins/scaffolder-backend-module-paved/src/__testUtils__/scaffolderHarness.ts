import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import catalogModulePaved from '@paved/plugin-catalog-backend-module-paved';
import {
  DEFAULT_ADMIN_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { scaffolderModulePaved } from '../module';

export const repoRoot = path.resolve(__dirname, '../../../..');

/** A template file of the repository, parsed. */
export function readTemplate(relativePath: string): any {
  return parse(readFileSync(path.join(repoRoot, relativePath), 'utf8'));
}

/** What the form sends before the user types anything: its defaults. */
export function formDefaults(template: any): Record<string, unknown> {
  return Object.fromEntries(
    template.spec.parameters.flatMap((page: any) =>
      Object.entries(page.properties ?? {})
        .filter(([, p]: [string, any]) => p.default !== undefined)
        .map(([k, p]: [string, any]) => [k, p.default]),
    ),
  );
}

export type TaskEvent = { type: string; body: Record<string, any> };

export const logOf = (events: TaskEvent[]) =>
  events
    .filter(e => e.type === 'log')
    .map(e => `${e.body.stepId ?? ''} ${e.body.message}`)
    .join('\n');

export const outputOf = (events: TaskEvent[]) =>
  events.find(e => e.type === 'completion')?.body.output;

export const userAuth = { Authorization: mockCredentials.user.header() };

/**
 * The real scaffolder backend with this module, serving `templates` from a
 * catalog mock, against a fresh Kubernetes API test double configured as
 * cluster `double`. With `realCatalog`, the real catalog and Paved's catalog
 * module run beside it, for steps that register entities.
 */
export async function startScaffolderHarness(
  templates: any[],
  options: { realCatalog?: boolean } = {},
) {
  const cluster = await startKubernetesApiTestDouble({ port: 0 });
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModulePaved,
      catalogServiceMock.factory({ entities: templates }),
      ...(options.realCatalog ? [catalogPlugin, catalogModulePaved] : []),
      mockServices.rootConfig.factory({
        data: {
          ...(options.realCatalog
            ? { catalog: { rules: [{ allow: ['Resource', 'Location'] }] } }
            : {}),
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'double',
                    url: cluster.url,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: DEFAULT_ADMIN_TOKEN,
                  },
                ],
              },
            ],
          },
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}`;

  /** Calls the scaffolder's API as the mock user. */
  async function api(method: string, route: string, body?: unknown) {
    const res = await fetch(`${baseUrl}/api/scaffolder${route}`, {
      method,
      headers: { ...userAuth, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
    return JSON.parse(text);
  }

  /** Starts a task from a catalog template and waits for it to end. */
  async function runTask(
    templateRef: string,
    values: Record<string, unknown>,
  ): Promise<{ status: string; events: TaskEvent[] }> {
    const { id } = await api('POST', '/v2/tasks', { templateRef, values });
    for (let i = 0; i < 600; i++) {
      const task = await api('GET', `/v2/tasks/${id}`);
      if (['completed', 'failed', 'cancelled'].includes(task.status)) {
        const events: TaskEvent[] = await api('GET', `/v2/tasks/${id}/events`);
        return { status: task.status, events };
      }
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error(`task ${id} did not finish`);
  }

  return {
    cluster,
    baseUrl,
    api,
    runTask,
    async stop() {
      await backend.stop();
      await cluster.close();
    },
  };
}

export type ScaffolderHarness = Awaited<
  ReturnType<typeof startScaffolderHarness>
>;
