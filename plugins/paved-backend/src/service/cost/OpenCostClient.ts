import {
  ParsedAllocationSet,
  parseAllocationResponse,
  CostSource,
} from '@paved/plugin-paved-common';
import { CallContext, ClusterAccess } from '../clusters/ClusterAccess';
import { ClusterRequestError } from '../clusters/errors';
import { readCapped } from '../clusters/readCapped';
import { OpenCostTarget } from './costOptions';

/** The allocation API parameters Paved sends (OpenCost's names). */
export interface AllocationQuery {
  window: string;
  aggregate?: string;
  step?: string;
  accumulate?: boolean;
  includeIdle?: boolean;
  /** OpenCost filter language, e.g. `namespace:"payments"`; `/allocation` only. */
  filter?: string;
}

/** A base URL that does not answer at all: OpenCost is not there. */
export class OpenCostUnreachableError extends Error {
  readonly name = 'OpenCostUnreachableError';
}

export function queryString(
  q: AllocationQuery,
  target: OpenCostTarget,
): string {
  const params = new URLSearchParams({ window: q.window });
  if (q.aggregate) params.set('aggregate', q.aggregate);
  if (q.step) params.set('step', q.step);
  if (q.accumulate !== undefined)
    params.set('accumulate', String(q.accumulate));
  if (q.includeIdle !== undefined)
    params.set('includeIdle', String(q.includeIdle));
  // `/allocation/compute` has no filter; selection then happens in Paved.
  if (q.filter && target.endpoint === '/allocation')
    params.set('filter', q.filter);
  return params.toString();
}

/** The service proxy path to OpenCost's API in the cluster. */
export function serviceProxyPath(
  target: OpenCostTarget,
  query: string,
): string {
  const { namespace, service, port } = target.service;
  const e = encodeURIComponent;
  return `/api/v1/namespaces/${e(namespace)}/services/${e(service)}:${e(
    port,
  )}/proxy${target.endpoint}?${query}`;
}

/**
 * Queries one cluster's OpenCost: at its configured base URL, or through the
 * Kubernetes backend's proxy and the cluster's service proxy, as the user.
 * Answers are checked against OpenCost's documented shape before use.
 */
export class OpenCostClient {
  constructor(private readonly access: ClusterAccess) {}

  source(target: OpenCostTarget): CostSource {
    return {
      via: target.baseUrl ? 'base-url' : 'service-proxy',
      endpoint: target.endpoint,
    };
  }

  async allocations(
    cluster: string,
    known: readonly string[],
    target: OpenCostTarget,
    q: AllocationQuery,
    ctx: CallContext,
  ): Promise<ParsedAllocationSet[]> {
    const query = queryString(q, target);
    const body = target.baseUrl
      ? await this.direct(`${target.baseUrl}${target.endpoint}?${query}`, ctx)
      : await this.access.get(
          cluster,
          known,
          serviceProxyPath(target, query),
          ctx,
        );
    return parseAllocationResponse(body);
  }

  private async direct(url: string, ctx: CallContext): Promise<unknown> {
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Accept: 'application/json' },
        signal: ctx.signal,
      });
    } catch (error) {
      if (ctx.signal?.aborted) throw ctx.signal.reason ?? error;
      throw new OpenCostUnreachableError(
        `OpenCost did not answer at ${new URL(url).origin}: ${
          (error as Error)?.cause ?? (error as Error)?.message ?? error
        }`,
      );
    }
    const text = await readCapped(response, {
      what: 'OpenCost response',
      statusCode: 502,
    });
    ctx.onLatency?.(performance.now() - started);
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ClusterRequestError(
        `Malformed JSON from OpenCost (HTTP ${response.status})`,
        response.ok ? 502 : response.status,
      );
    }
    if (!response.ok) {
      throw new ClusterRequestError(
        `HTTP ${response.status} from OpenCost: ${
          body?.message ?? response.statusText
        }`,
        response.status,
      );
    }
    return body;
  }
}
