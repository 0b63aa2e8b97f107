import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  GitOpsAnnotationError,
  GitOpsEntityResponse,
  GitOpsEntityScope,
  GitOpsObjectRef,
  readArgoCdAnnotations,
  TENANT_ENTITY_TYPE,
} from '@paved/plugin-paved-common';
import { ClusterReadRequest } from '../clusters/ClusterReadRequest';
import { ClusterReadService } from '../clusters/ClusterReadService';
import {
  ANNOTATION_KUBERNETES_CLUSTER,
  componentSelection,
} from '../health/componentSelection';
import { tenantScope } from '../tenants/tenantScope';
import { ClusterGitOpsReader } from './ClusterGitOpsReader';

const isTenant = (entity: Entity) =>
  entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
  (entity.spec as { type?: unknown } | undefined)?.type === TENANT_ENTITY_TYPE;

/** Where to look for an entity's GitOps objects, from its annotations. */
export function gitopsScopeOf(
  entity: Entity,
): GitOpsEntityScope & { namespace?: string; cluster?: string } {
  const annotations = entity.metadata.annotations ?? {};
  let argo: ReturnType<typeof readArgoCdAnnotations>;
  try {
    argo = readArgoCdAnnotations(annotations);
  } catch (error) {
    if (error instanceof GitOpsAnnotationError) {
      throw new InputError(`${stringifyEntityRef(entity)}: ${error.message}`);
    }
    throw error;
  }
  if (isTenant(entity)) {
    const tenant = tenantScope(entity);
    return {
      scope: 'tenant',
      ...argo,
      namespaces: tenant.namespaces,
      ...(tenant.cluster ? { cluster: tenant.cluster } : {}),
    };
  }
  const selection = componentSelection(entity);
  return {
    scope: 'component',
    ...argo,
    labelSelector: selection.labelSelector,
    ...(selection.namespace ? { namespace: selection.namespace } : {}),
    ...(selection.cluster ? { cluster: selection.cluster } : {}),
  };
}

/**
 * The GitOps status of an entity's workloads or a tenant's namespaces: Argo
 * CD Applications and Flux Kustomizations and HelmReleases read live from
 * each cluster the user may see, through the Kubernetes backend, as that
 * user; no Argo CD API and no credentials of its own.
 */
export class GitOpsService extends ClusterReadService {
  entityStatus(
    ref: CompoundEntityRef,
    request: ClusterReadRequest,
  ): Promise<GitOpsEntityResponse> {
    return this.entityRead(
      'gitops',
      ref,
      request,
      {
        scope: gitopsScopeOf,
        pin: scope => scope.cluster,
        via: ANNOTATION_KUBERNETES_CLUSTER,
        read: (reader, { scope: { namespace, cluster, ...scope } }) =>
          new ClusterGitOpsReader(reader).read({
            ...scope,
            ...(namespace ? { namespace } : {}),
          }),
      },
      ({ entity, scope: { namespace, cluster, ...scope }, results }) => {
        // An app the entity names that no cluster that answered has: the
        // annotation (or the Application) is wrong, which the card says.
        const answered = results.flatMap(r => (r.ok ? r.data.objects : []));
        const notFound: GitOpsObjectRef[] = results.some(r => r.ok)
          ? scope.appNames
              .filter(
                name =>
                  !answered.some(
                    o => o.kind === 'Application' && o.name === name,
                  ),
              )
              .map(name => ({
                kind: 'Application' as const,
                ...(scope.appNamespace
                  ? { namespace: scope.appNamespace }
                  : {}),
                name,
              }))
          : [];
        return {
          entityRef: stringifyEntityRef(entity),
          ...scope,
          notFound,
          clusters: results,
        };
      },
    );
  }
}
