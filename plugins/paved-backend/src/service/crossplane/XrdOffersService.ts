import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import {
  ClusterError,
  XrdOffer,
  xrdOffer,
  XrdOffersResponse,
} from '@paved/plugin-paved-common';
import {
  assertKnownCluster,
  CallContext,
  ClusterAccess,
} from '../clusters/ClusterAccess';
import { ClusterRequestError } from '../clusters/errors';
import { fanOut } from '../clusters/fanOut';
import { HealthServiceOptions } from '../clusters/options';
import { listPath } from '../clusters/paths';
import { ResultCache } from '../clusters/ResultCache';
import { HealthRequest } from '../health/HealthService';

const CROSSPLANE_GROUP = 'apiextensions.crossplane.io';
const XRD_KIND = 'CompositeResourceDefinition';

type Answer = Omit<XrdOffersResponse, 'cluster'>;

const isNotFound = (error: unknown) =>
  error instanceof ClusterRequestError && error.statusCode === 404;

/** The group's versions, preferred first, from `/apis/<group>`. */
function groupVersions(body: any): string[] {
  return [
    body?.preferredVersion?.version,
    ...(Array.isArray(body?.versions) ? body.versions : []).map(
      (v: any) => v?.version,
    ),
  ].filter(
    (v, i, all): v is string => typeof v === 'string' && all.indexOf(v) === i,
  );
}

/**
 * The XRDs a team can request on one cluster, each with the parameter schema
 * a form renders, read as the user through the Kubernetes backend. Only XRDs
 * are read: no claims, composites or Secrets.
 */
export class XrdOffersService {
  private readonly cache: ResultCache;

  constructor(
    private readonly deps: {
      access: ClusterAccess;
      options: HealthServiceOptions;
    },
  ) {
    this.cache = new ResultCache(deps.options.cacheTtlMs);
  }

  offers(cluster: string, request: HealthRequest): Promise<XrdOffersResponse> {
    return this.cache.forUser(request, `crossplane-xrds:${cluster}`, () =>
      this.compute(cluster, request),
    );
  }

  private async compute(
    cluster: string,
    request: HealthRequest,
  ): Promise<XrdOffersResponse> {
    const { access, options } = this.deps;
    const known = await access.listClusters(request);
    assertKnownCluster(cluster, known);
    // One cluster, but the same per-cluster timeout and abort as the others.
    const [result] = await fanOut(
      [cluster],
      options.clusterTimeoutMs,
      request,
      (_cluster, ctx) => this.read(cluster, known, ctx),
    );
    if (result.ok) return { cluster, ...result.health };
    throw httpErrorOf(cluster, result.error);
  }

  private async read(
    cluster: string,
    known: readonly string[],
    ctx: CallContext,
  ): Promise<Answer> {
    const { access, options } = this.deps;
    const get = (path: string) => access.get(cluster, known, path, ctx);
    const absent = (why: string): Answer => ({
      crossplane: false,
      offers: [],
      message: `Crossplane is not installed on ${cluster} (${why})`,
    });

    let group: any;
    try {
      group = await get(`/apis/${CROSSPLANE_GROUP}`);
    } catch (error) {
      if (isNotFound(error)) return absent(`no ${CROSSPLANE_GROUP} API group`);
      throw error;
    }
    // Crossplane v2 serves XRDs at v2 and v1; ask the preferred version first.
    let plural: { version: string; name: string } | undefined;
    for (const version of groupVersions(group)) {
      let resources: any[];
      try {
        const body = await get(`/apis/${CROSSPLANE_GROUP}/${version}`);
        resources = Array.isArray(body?.resources) ? body.resources : [];
      } catch (error) {
        if (isNotFound(error)) continue;
        throw error;
      }
      // Subresources (`.../status`) share the kind; the resource has no slash.
      const found = resources.find(
        r =>
          r?.kind === XRD_KIND &&
          typeof r?.name === 'string' &&
          !r.name.includes('/'),
      );
      if (found) {
        plural = { version, name: found.name };
        break;
      }
    }
    if (!plural) {
      return absent(`${CROSSPLANE_GROUP} serves no ${XRD_KIND} kind`);
    }

    const offers: XrdOffer[] = [];
    await access.list(
      cluster,
      known,
      listPath(CROSSPLANE_GROUP, plural.version, plural.name),
      {},
      options.pageSize,
      item => {
        const offer = xrdOffer(item);
        if (offer) offers.push(offer);
      },
      ctx,
    );
    offers.sort(
      (a, b) => a.title.localeCompare(b.title) || a.name.localeCompare(b.name),
    );
    return { crossplane: true, offers };
  }
}

/**
 * One cluster's failure as the route's answer: a refusal stays a refusal
 * (403), a timeout or an unreachable cluster is 503, both naming the cluster.
 */
function httpErrorOf(cluster: string, error: ClusterError): Error {
  const message = `Could not read Crossplane XRDs on cluster '${cluster}': ${error.message}`;
  if (error.statusCode === 401 || error.statusCode === 403) {
    return new NotAllowedError(message);
  }
  return new ServiceUnavailableError(message);
}
