import {
  ClusterResult,
  XrdOffer,
  xrdOffer,
  XrdOffersResponse,
} from '@paved/plugin-paved-common';
import { ClusterReader } from '../clusters/ClusterReader';
import { ClusterReadRequest } from '../clusters/ClusterReadRequest';
import { ClusterReadService } from '../clusters/ClusterReadService';
import { listPath } from '../clusters/paths';
import { ApiDiscovery, KindNotServedError, ServedKind } from './discovery';

const CROSSPLANE_GROUP = 'apiextensions.crossplane.io';
const XRD_KIND = 'CompositeResourceDefinition';

/** What one cluster offers: {@link XrdOffersResponse} without the cluster. */
export type XrdOffersAnswer = Omit<XrdOffersResponse, 'cluster'>;
type Answer = XrdOffersAnswer;

/**
 * `GET /api/paved/crossplane/xrds/:cluster`, shaped like every other route:
 * the cluster asked for, and its result in `clusters` (one entry), with
 * either `data` (what it offers) or an `error` with `statusCode` and
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
export class XrdOffersService extends ClusterReadService {
  offers(
    cluster: string,
    request: ClusterReadRequest,
  ): Promise<XrdOffersClustersResponse> {
    return this.cached(
      request,
      `crossplane-xrds:${cluster}`,
      async () => ({
        cluster,
        clusters: [
          await this.readCluster(request, cluster, reader => this.read(reader)),
        ],
      }),
      // A cluster's failure is answered, not kept: the next ask tries again.
      { keep: answer => answer.clusters.every(c => c.ok) },
    );
  }

  private async read(reader: ClusterReader): Promise<Answer> {
    const { cluster } = reader;
    const get = (path: string) => reader.get(path);
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
    await reader.list(
      listPath(CROSSPLANE_GROUP, served.version, served.plural),
      item => {
        const offer = xrdOffer(item);
        if (offer) offers.push(offer);
      },
    );
    offers.sort(
      (a, b) => a.title.localeCompare(b.title) || a.name.localeCompare(b.name),
    );
    return { crossplane: true, offers };
  }
}
