import {
  ClusterResult,
  XrdOffer,
  xrdOffer,
  XrdOffersResponse,
} from '@paved/plugin-paved-common';
import {
  assertKnownCluster,
  CallContext,
  ClusterAccess,
} from '../clusters/ClusterAccess';
import { fanOut } from '../clusters/fanOut';
import { HealthServiceOptions } from '../clusters/options';
import { listPath } from '../clusters/paths';
import { ResultCache } from '../clusters/ResultCache';
import { HealthRequest } from '../health/HealthService';
import { ApiDiscovery, KindNotServedError, ServedKind } from './discovery';

const CROSSPLANE_GROUP = 'apiextensions.crossplane.io';
const XRD_KIND = 'CompositeResourceDefinition';

/** What one cluster offers: {@link XrdOffersResponse} without the cluster. */
export type XrdOffersAnswer = Omit<XrdOffersResponse, 'cluster'>;
type Answer = XrdOffersAnswer;

/**
 * `GET /api/paved/crossplane/xrds/:cluster`, shaped like every other route:
 * the cluster asked for, and its result in `clusters` (one entry), with
 * either `health` (what it offers) or an `error` with `statusCode` and
 * `message`. A cluster that refuses or fails is a 200 with that error; only
 * an unknown cluster (404) or a missing permission (403) fails the route.
 *
 * Belongs beside `XrdOffersResponse` in @paved/plugin-paved-common.
 */
export interface XrdOffersClustersResponse {
  cluster: string;
  clusters: ClusterResult<XrdOffersAnswer>[];
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

  offers(
    cluster: string,
    request: HealthRequest,
  ): Promise<XrdOffersClustersResponse> {
    return this.cache.forUser(
      request,
      `crossplane-xrds:${cluster}`,
      () => this.compute(cluster, request),
      // A cluster's failure is answered, not kept: the next ask tries again.
      { keep: answer => answer.clusters.every(c => c.ok) },
    );
  }

  private async compute(
    cluster: string,
    request: HealthRequest,
  ): Promise<XrdOffersClustersResponse> {
    const { access, options } = this.deps;
    const known = await access.listClusters(request);
    assertKnownCluster(cluster, known);
    // One cluster, but the same per-cluster timeout and abort as the others.
    const clusters = await fanOut(
      [cluster],
      options.clusterTimeoutMs,
      request,
      (_cluster, ctx) => this.read(cluster, known, ctx),
    );
    return { cluster, clusters };
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

    // The cluster's own discovery, as the claim tree reads it: Crossplane v2
    // serves XRDs at v2 and v1, and the preferred version is asked first.
    const discovery = new ApiDiscovery(get);
    if (!(await discovery.servesGroup(CROSSPLANE_GROUP))) {
      return absent(`no ${CROSSPLANE_GROUP} API group`);
    }
    let served: ServedKind;
    try {
      served = await discovery.byGroupKind(CROSSPLANE_GROUP, XRD_KIND);
    } catch (error) {
      if (error instanceof KindNotServedError) {
        return absent(`${CROSSPLANE_GROUP} serves no ${XRD_KIND} kind`);
      }
      throw error;
    }

    const offers: XrdOffer[] = [];
    await access.list(
      cluster,
      known,
      listPath(CROSSPLANE_GROUP, served.version, served.plural),
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
