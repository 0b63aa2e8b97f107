/*
 * Render + self-check of every baseline (tiers 1-5, each with its defaults
 * and each allowed single change of a choice): time per baseline and the
 * objects each one holds. Pure: no cluster is involved.
 */
import { performance } from 'node:perf_hooks';
import { allBaselines } from '../src/__testUtils__/clusterInputs';
import { addonContext, renderClusterBaseline } from '../src/render/cluster';
import { addonsFor } from '../src/render/platform/addons';
import { selfCheck } from '../src/selfCheck/selfCheck';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const rows: Array<[string, number, number, number, number]> = [];
const started = performance.now();
for (const [name, input] of allBaselines()) {
  const times: number[] = [];
  let objects = 0;
  let problems = 0;
  let addons = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const files = renderClusterBaseline(input);
    const ctx = addonContext(input);
    const installed = addonsFor(ctx);
    problems = selfCheck(files, installed, ctx).length;
    times.push(performance.now() - t0);
    objects = files.reduce((n, f) => n + (f.objects?.length ?? 0), 0);
    addons = installed.length;
  }
  times.sort((a, b) => a - b);
  rows.push([
    name,
    times[Math.floor(times.length / 2)],
    objects,
    addons,
    problems,
  ]);
}
const total = performance.now() - started;
console.log(
  'baseline\tmedian ms (render + self-check)\tobjects\tadd-ons\tproblems',
);
for (const [name, ms, objects, addons, problems] of rows) {
  console.log(`${name}\t${ms.toFixed(1)}\t${objects}\t${addons}\t${problems}`);
}
const all = rows.reduce((n, r) => n + r[1], 0);
console.log(
  `\n${rows.length} baselines, ${rows.reduce(
    (n, r) => n + r[2],
    0,
  )} objects: ${all.toFixed(
    0,
  )} ms for one render + self-check of each (median of ${RUNS}); ${total.toFixed(
    0,
  )} ms wall for all runs; ${rows.filter(r => r[4] > 0).length} with problems`,
);
if (rows.some(r => r[4] > 0)) process.exitCode = 1;
