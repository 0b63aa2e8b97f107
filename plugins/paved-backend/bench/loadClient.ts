/*
 * The load generator for load.ts, in its own process so that the backend's
 * process (whose memory and CPU load.ts reports) runs the backend alone.
 * Receives one run over IPC, answers with autocannon's figures, exits.
 */
import autocannon from 'autocannon';

export interface LoadRun {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  completed: number;
  ok2xx: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Socket errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** 2xx answers in which a cluster failed (`"ok":false`): partial answers. */
  partial: number;
}

process.once('message', async (run: LoadRun) => {
  const result = await autocannon({
    url: run.url,
    connections: run.connections,
    duration: run.seconds,
    headers: run.headers,
    // A request still unanswered after this long counts as an error.
    timeout: 30,
    // A cluster that failed leaves `"ok": false` beside the others' answers.
    verifyBody: body => !String(body).includes('"ok":false'),
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[code] = s.count ?? 0;
  }
  const reply: LoadResult = {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    completed: result.requests.total,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    partial: result.mismatches,
  };
  process.send?.(reply, () => process.exit(0));
});
