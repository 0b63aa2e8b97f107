/*
 * Where the backend's time goes during cost.bench.ts's end-to-end requests:
 * a sampled CPU profile of this process (node:inspector), self time summed
 * into a few named buckets. Native work (JSON.parse, socket writes) shows
 * under the JavaScript function that called it, so the buckets go by
 * caller.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The profiler's own work, left out of the figures. */
const PROFILER = 'profiler';

/** Bucket of a frame, from its function name and file, innermost first. */
const BUCKETS: [string, (fn: string, url: string) => boolean][] = [
  [PROFILER, (_fn, url) => url === 'node:inspector'],
  ['garbage collection', fn => fn === '(garbage collector)'],
  ['idle (waiting)', fn => fn === '(idle)' || fn === '(program)'],
  [
    'cost maths (paved-common/src/cost)',
    (_fn, url) => url.includes('paved-common/src/cost'),
  ],
  [
    'JSON.parse of OpenCost answers',
    (fn, url) =>
      fn === 'getJson' || (fn === 'direct' && url.includes('OpenCostClient')),
  ],
  [
    'decoding answer bytes to text (readCapped)',
    (fn, url) =>
      url.includes('readCapped') ||
      (url === 'node:buffer' &&
        ['slice', 'toString', 'concat', '_copyActual'].includes(fn)),
  ],
  [
    'writing the response (JSON.stringify)',
    (_fn, url) => url.includes('express/lib/response'),
  ],
  [
    'HTTP client/server, sockets, streams',
    (_fn, url) =>
      /node:(net|_http|internal\/(streams|stream_base|deps\/undici|http))/.test(
        url,
      ) || url === '',
  ],
  [
    'Kubernetes backend proxy',
    (_fn, url) => /plugin-kubernetes-backend|http-proxy|client-node/.test(url),
  ],
  [
    'Paved route (service/cost, clusters)',
    (_fn, url) => url.includes('paved-backend/src'),
  ],
];

export function bucketProfile(profile: Profile): Map<string, number> {
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const out = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id);
    if (!ms) continue;
    const { functionName, url } = node.callFrame;
    const bucket =
      BUCKETS.find(([, test]) => test(functionName, url))?.[0] ?? 'other';
    out.set(bucket, (out.get(bucket) ?? 0) + ms);
  }
  out.delete(PROFILER);
  return out;
}

/** Runs `work` under the sampling profiler and returns the buckets. */
export async function profiled(work: () => Promise<void>) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    await work();
    const { profile } = (await session.post('Profiler.stop')) as {
      profile: Profile;
    };
    // For a closer look: `BENCH_PROFILE_OUT=x.cpuprofile`, opens in DevTools.
    if (process.env.BENCH_PROFILE_OUT) {
      writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile));
    }
    return bucketProfile(profile);
  } finally {
    session.disconnect();
  }
}
