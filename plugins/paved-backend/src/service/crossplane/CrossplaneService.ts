import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterResult,
  CROSSPLANE_ANNOTATIONS,
  CrossplaneClaimDetails,
  CrossplaneDetailsResponse,
  CrossplaneEntityResponse,
  CrossplaneEventsResponse,
  CrossplaneYamlResponse,
  readCrossplaneAnnotations,
} from '@paved/plugin-paved-common';
import { clustersToRead, ClusterAccess } from '../clusters/ClusterAccess';
import { componentSelection } from '../health/componentSelection';
import { fanOut } from '../clusters/fanOut';
import { HealthRequest } from '../health/HealthService';
import { HealthServiceOptions } from '../clusters/options';
import { ResultCache } from '../clusters/ResultCache';
import { ClaimDetailsReader } from './ClaimDetailsReader';
import { ClusterCrossplaneReader } from './ClusterCrossplaneReader';
import { CrossplaneAccess, eventsOf, treeFor, yamlOf } from './project';
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

  /**
   * The claims' trees, with YAML and events only as far as `access` allows
   * (all of it when not given, for callers inside the backend).
   */
  async entityClaims(
    ref: CompoundEntityRef,
    request: HealthRequest,
    access?: CrossplaneAccess,
  ): Promise<CrossplaneEntityResponse> {
    const full = await this.fullClaims(ref, request);
    return access ? treeFor(full, access) : full;
  }

  /** Every object's redacted YAML (`paved.crossplane.yaml.read`). */
  async entityYaml(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<CrossplaneYamlResponse> {
    return yamlOf(await this.fullClaims(ref, request));
  }

  /** Every object's events (`paved.crossplane.events.read`). */
  async entityEvents(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<CrossplaneEventsResponse> {
    return eventsOf(await this.fullClaims(ref, request));
  }

  /**
   * What stands behind each claim: XRD, Composition, revision, providers and
   * functions, per cluster; a cluster whose claims could not be read keeps
   * that error.
   */
  entityDetails(
    ref: CompoundEntityRef,
    request: HealthRequest,
  ): Promise<CrossplaneDetailsResponse> {
    return this.cache.forUser(
      request,
      `crossplane-details:${stringifyEntityRef(ref)}`,
      async () => {
        const claims = await this.fullClaims(ref, request);
        const known = await this.deps.access.listClusters(request);
        const readable = claims.clusters.filter(c => c.ok);
        const read = await fanOut(
          readable.map(c => c.cluster),
          this.deps.options.clusterTimeoutMs,
          request,
          (cluster, ctx) => {
            const result = readable.find(c => c.cluster === cluster);
            return new ClaimDetailsReader(
              this.deps.access,
              cluster,
              known,
              ctx,
              this.deps.options.pageSize,
            )
              .read(result?.ok ? result.data.claims : [])
              .then(details => ({ claims: details }));
          },
        );
        const clusters = claims.clusters.map(
          (c): ClusterResult<{ claims: CrossplaneClaimDetails[] }> =>
            c.ok ? read.find(r => r.cluster === c.cluster)! : c,
        );
        return { entityRef: claims.entityRef, clusters };
      },
    );
  }

  private fullClaims(
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
