/*
 * Onboarding a tenant through the real scaffolder, end to end: from the
 * POST that creates the task to every rendered object applied in the
 * Kubernetes API test double and the tenant's entity served by the real
 * catalog. Ten onboardings, each a new tenant; prints every run and the
 * median. Seed 003 sets under 5 minutes on a real cluster; here it should
 * be seconds.
 *
 *   yarn workspace @paved/plugin-scaffolder-backend-module-paved bench:onboard
 *   BENCH_RUNS=20 ... for more runs
 */
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import {
  formDefaults,
  readTemplate,
  startScaffolderHarness,
  userAuth,
} from '../src/__testUtils__/scaffolderHarness';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TARGET_MS = 5 * 60_000;
const POLL_MS = 20;

const template = readTemplate('templates/tenant/template.yaml');
const templateRef = `template:default/${template.metadata.name}`;

const valuesFor = (name: string) => ({
  ...formDefaults(template),
  name,
  team: 'bench-team',
  project: 'bench',
  costCenter: 'cc-bench',
  tier: 2,
  environments: ['dev', 'prod'],
  delivery: 'apply',
  cluster: 'double',
  // The double serves no Kyverno CRDs (see templates.e2e.test.ts).
  guardrails: false,
});

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

async function main() {
  const harness = await startScaffolderHarness([template], {
    realCatalog: true,
  });
  const results: Array<{
    name: string;
    taskMs: number;
    totalMs: number;
    objects: number;
  }> = [];
  try {
    for (let i = 1; i <= RUNS; i++) {
      const name = `bench${i}`;
      const t0 = performance.now();
      const { id } = await harness.api('POST', '/v2/tasks', {
        templateRef,
        values: valuesFor(name),
      });
      let status = '';
      for (;;) {
        status = (await harness.api('GET', `/v2/tasks/${id}`)).status;
        if (['completed', 'failed', 'cancelled'].includes(status)) break;
        await sleep(POLL_MS);
      }
      const taskMs = performance.now() - t0;
      if (status !== 'completed') {
        const events = await harness.api('GET', `/v2/tasks/${id}/events`);
        throw new Error(
          `onboarding ${name} ended ${status}:\n${events
            .filter((e: any) => e.type === 'log')
            .map((e: any) => e.body.message)
            .join('\n')}`,
        );
      }
      const entityUrl = `${harness.baseUrl}/api/catalog/entities/by-name/resource/default/tenant-${name}`;
      for (;;) {
        const res = await fetch(entityUrl, { headers: userAuth });
        if (res.ok) break;
        if (performance.now() - t0 > TARGET_MS) {
          throw new Error(`tenant-${name} never reached the catalog`);
        }
        await sleep(POLL_MS);
      }
      const totalMs = performance.now() - t0;

      // Every object the dry run says it renders exists in the double.
      const dry = await harness.api('POST', '/v2/dry-run', {
        template,
        values: valuesFor(name),
        secrets: {},
        directoryContents: [],
      });
      const rendered = (
        dry.directoryContents as Array<{ path: string; base64Content: string }>
      )
        .filter(f => /\/manifests\/.*\.yaml$/.test(f.path))
        .flatMap(f =>
          parseAllDocuments(
            Buffer.from(f.base64Content, 'base64').toString('utf8'),
          ).map(d => d.toJS()),
        )
        .filter(o => o?.kind);
      const missing = rendered.filter(
        o =>
          !harness.cluster.store.find(
            o.apiVersion,
            o.kind,
            o.metadata.namespace,
            o.metadata.name,
          ),
      );
      if (!rendered.length || missing.length) {
        throw new Error(
          `onboarding ${name}: ${
            rendered.length
          } objects rendered, missing in the cluster: ${missing
            .map(
              o => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`,
            )
            .join(', ')}`,
        );
      }
      results.push({ name, taskMs, totalMs, objects: rendered.length });
      console.log(
        `run ${String(i).padStart(2)}: ${name}  task ${taskMs.toFixed(
          0,
        )} ms, in catalog ${totalMs.toFixed(0)} ms, ${
          rendered.length
        } objects applied`,
      );
    }
  } finally {
    await harness.stop();
  }
  const totals = results.map(r => r.totalMs).sort((a, b) => a - b);
  const tasks = results.map(r => r.taskMs).sort((a, b) => a - b);
  const median = quantile(totals, 0.5);
  console.log('');
  console.log(
    `onboarding, task creation → every object applied → entity in the catalog (${RUNS} runs)`,
  );
  console.log(
    `  median ${(median / 1000).toFixed(2)} s, p90 ${(
      quantile(totals, 0.9) / 1000
    ).toFixed(2)} s, min ${(totals[0] / 1000).toFixed(2)} s, max ${(
      totals[totals.length - 1] / 1000
    ).toFixed(2)} s`,
  );
  console.log(
    `  of which the task itself: median ${(quantile(tasks, 0.5) / 1000).toFixed(
      2,
    )} s`,
  );
  const pass = median < TARGET_MS;
  console.log(
    `  target (seed 003, on a real cluster): under 5 minutes — ${
      pass ? 'PASS' : 'FAIL'
    }`,
  );
  if (!pass) process.exitCode = 1;
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
