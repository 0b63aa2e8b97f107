import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CROSSPLANE_ANNOTATIONS,
  CrossplaneEntityResponse,
  readCrossplaneAnnotations,
} from '@paved/plugin-paved-common';
import { clustersToRead, ClusterAccess } from '../clusters/ClusterAccess';
import { componentSelection } from '../health/componentSelection';
import { fanOut } from '../clusters/fanOut';
import { HealthRequest } from '../health/HealthService';
import { HealthServiceOptions } from '../clusters/options';
import { ResultCache } from '../clusters/ResultCache';
import { ClusterCrossplaneReader } from './ClusterCrossplaneReader';
import { entityAsUser } from '../entityAsUser';
import {
  XrdOffersClustersResponse,
  XrdOffersService,
} from './XrdOffersService';

/**
 * An entity's Crossplane claims, read live from the clusters the requesting
 * user may see, through the Kubernetes backend and as that user.
 */
export class CrossplaneService {
  private readonly cache: ResultCache;
  private readonly xrds: XrdOffersService;

  constructor(
    private readonly deps: {
      access: ClusterAccess;
      catalog: CatalogService;
      logger: LoggerService;
      options: HealthServiceOptions;
    },
  ) {
    this.cache = new ResultCache(deps.options.cacheTtlMs);
    this.xrds = new XrdOffersService(deps);
  }

  /**
   * The XRDs a team can request on one cluster, with their parameter
   * schemas, as that cluster's result (data or error) in `clusters`.
   */
  xrdOffers(
    cluster: string,
    request: HealthRequest,
  ): Promise<XrdOffersClustersResponse> {
    return this.xrds.offers(cluster, request);
  }

  entityClaims(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<CrossplaneEntityResponse> {
    return this.cache.forUser(
      request,
      `crossplane:${stringifyEntityRef(ref)}`,
      () => this.compute(ref, request),
    );
  }

  private async compute(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<CrossplaneEntityResponse> {
    const { access, catalog, options } = this.deps;
    const entity = await entityAsUser(catalog, ref, request.credentials);
    const annotations = entity.metadata.annotations ?? {};
    const read = readCrossplaneAnnotations(annotations);
    const { labelSelector, namespace: kubernetesNamespace } =
      componentSelection(entity);
    const known = await access.listClusters(request);
    const clusters = clustersToRead(
      known,
      read.cluster,
      CROSSPLANE_ANNOTATIONS.cluster,
    );
    const namespace = read.namespace ?? kubernetesNamespace;
    const results = await fanOut(
      clusters,
      options.clusterTimeoutMs,
      request,
      (cluster, ctx) =>
        new ClusterCrossplaneReader(
          access,
          cluster,
          known,
          ctx,
          options.pageSize,
        ).read({
          references: read.claims,
          labelSelector,
          ...(namespace ? { namespace } : {}),
        }),
    );
    return {
      entityRef: stringifyEntityRef(entity),
      claimReferences: (annotations[CROSSPLANE_ANNOTATIONS.claims] ?? '')
        .split(/[,\n]/)
        .map(e => e.trim())
        .filter(Boolean),
      labelSelector,
      invalidReferences: read.invalid,
      clusters: results,
    };
  }
}
