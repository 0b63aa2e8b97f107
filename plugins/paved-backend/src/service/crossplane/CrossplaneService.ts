import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
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
import { ClusterReadRequest } from '../clusters/ClusterReadRequest';
import {
  ClusterReadDeps,
  ClusterReadService,
} from '../clusters/ClusterReadService';
import { componentSelection } from '../health/componentSelection';
import { ClaimDetailsReader } from './ClaimDetailsReader';
import { ClusterCrossplaneReader } from './ClusterCrossplaneReader';
import { CrossplaneAccess, eventsOf, treeFor, yamlOf } from './project';
import {
  XrdOffersClustersResponse,
  XrdOffersService,
} from './XrdOffersService';

/** What of the entity the claim tree reads: its annotations, parsed. */
function crossplaneScopeOf(entity: Entity) {
  const annotations = entity.metadata.annotations ?? {};
  const read = readCrossplaneAnnotations(annotations);
  const { labelSelector, namespace: kubernetesNamespace } =
    componentSelection(entity);
  return {
    read,
    labelSelector,
    namespace: read.namespace ?? kubernetesNamespace,
    claimReferences: (annotations[CROSSPLANE_ANNOTATIONS.claims] ?? '')
      .split(/[,\n]/)
      .map(e => e.trim())
      .filter(Boolean),
  };
}

/**
 * An entity's Crossplane claims, read live from the clusters the requesting
 * user may see, through the Kubernetes backend and as that user.
 */
export class CrossplaneService extends ClusterReadService {
  private readonly xrds: XrdOffersService;

  constructor(deps: ClusterReadDeps) {
    super(deps);
    this.xrds = new XrdOffersService(deps);
  }

  /**
   * The XRDs a team can request on one cluster, with their parameter
   * schemas, as that cluster's result (data or error) in `clusters`.
   */
  xrdOffers(
    cluster: string,
    request: ClusterReadRequest,
  ): Promise<XrdOffersClustersResponse> {
    return this.xrds.offers(cluster, request);
  }

  /**
   * The claims' trees, with YAML and events only as far as `access` allows
   * (all of it when not given, for callers inside the backend).
   */
  async entityClaims(
    ref: CompoundEntityRef,
    request: ClusterReadRequest,
    access?: CrossplaneAccess,
  ): Promise<CrossplaneEntityResponse> {
    const full = await this.fullClaims(ref, request);
    return access ? treeFor(full, access) : full;
  }

  /** Every object's redacted YAML (`paved.crossplane.yaml.read`). */
  async entityYaml(
    ref: CompoundEntityRef,
    request: ClusterReadRequest,
  ): Promise<CrossplaneYamlResponse> {
    return yamlOf(await this.fullClaims(ref, request));
  }

  /** Every object's events (`paved.crossplane.events.read`). */
  async entityEvents(
    ref: CompoundEntityRef,
    request: ClusterReadRequest,
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
    request: ClusterReadRequest,
  ): Promise<CrossplaneDetailsResponse> {
    return this.cached(
      request,
      `crossplane-details:${stringifyEntityRef(ref)}`,
      async () => {
        const claims = await this.fullClaims(ref, request);
        const readable = claims.clusters.filter(c => c.ok);
        const { results: read } = await this.readClusters(
          request,
          () => readable.map(c => c.cluster),
          reader => {
            const result = readable.find(c => c.cluster === reader.cluster);
            return new ClaimDetailsReader(reader)
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
    request: ClusterReadRequest,
  ): Promise<CrossplaneEntityResponse> {
    return this.entityRead(
      'crossplane',
      ref,
      request,
      {
        scope: crossplaneScopeOf,
        pin: scope => scope.read.cluster,
        via: CROSSPLANE_ANNOTATIONS.cluster,
        read: (reader, { scope }) =>
          new ClusterCrossplaneReader(reader).read({
            references: scope.read.claims,
            labelSelector: scope.labelSelector,
            ...(scope.namespace ? { namespace: scope.namespace } : {}),
          }),
      },
      ({ entity, scope, results }) => ({
        entityRef: stringifyEntityRef(entity),
        claimReferences: scope.claimReferences,
        labelSelector: scope.labelSelector,
        invalidReferences: scope.read.invalid,
        clusters: results,
      }),
    );
  }
}
