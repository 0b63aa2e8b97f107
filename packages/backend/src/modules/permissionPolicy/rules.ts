import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  isPermission,
  isResourcePermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogEntityCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  kubernetesProxyPermission,
  kubernetesClustersReadPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { actionExecutePermission } from '@backstage/plugin-scaffolder-common/alpha';
import {
  pavedCostAlertManagePermission,
  pavedCostLabelReadPermission,
  pavedCostReadPermission,
  pavedLogsReadPermission,
  pavedTenantReadPermission,
  pavedDriftReadPermission,
} from '@paved/plugin-paved-common';
import {
  createScaffolderActionConditionalDecision,
  scaffolderActionConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';

/**
 * Scaffolder actions that change live clusters. Everyone else proposes the
 * same change through a GitOps pull request. Changing and offboarding a
 * tenant can apply or delete directly, and quota, members and isolation are
 * the platform's decisions, so both are for admins whatever their delivery.
 */
export const CLUSTER_WRITING_ACTIONS = [
  'paved:kubernetes:apply',
  'paved:tenant:change',
  'paved:tenant:offboard',
];

/** What the policy knows about the person asking. */
export interface Requester {
  /** The user's entity ref, e.g. `user:default/jane`; absent for services. */
  userEntityRef?: string;
  /** Every ref the user may claim ownership through (user and groups). */
  ownershipEntityRefs: string[];
}

/**
 * One line of the policy: who it is for, which permissions it covers, and the
 * decision. Rules are read top to bottom and the first match wins, so the
 * table reads the way a reviewer would explain it.
 */
export interface PolicyRule {
  description: string;
  appliesTo(requester: Requester, isAdmin: boolean): boolean;
  matches(permission: Permission): boolean;
  decide(requester: Requester, permission: Permission): PolicyDecision;
}

const allow = (): PolicyDecision => ({ result: AuthorizeResult.ALLOW });
const deny = (): PolicyDecision => ({ result: AuthorizeResult.DENY });
const anyone = () => true;
const admins = (_r: Requester, isAdmin: boolean) => isAdmin;

/** Allowed on the entities the requester owns (the catalog decides which). */
const ownersOnly = (
  requester: Requester,
  permission: Permission,
): PolicyDecision =>
  isResourcePermission(permission, 'catalog-entity')
    ? createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: requester.ownershipEntityRefs,
        }),
      )
    : deny();

type EntityCriteria = PermissionCriteria<PermissionCondition<'catalog-entity'>>;

/**
 * Allowed on what the requester owns, and on the groups they belong to: a
 * Group owns things but has no owner itself, so a team's cost page needs the
 * second half. Membership comes from the sign-in's ownership claims.
 */
const ownersOrMembers = (
  requester: Requester,
  permission: Permission,
): PolicyDecision => {
  if (!isResourcePermission(permission, 'catalog-entity')) return deny();
  const groups = requester.ownershipEntityRefs
    .map(ref => parseEntityRef(ref))
    .filter(ref => ref.kind.toLocaleLowerCase('en-US') === 'group');
  const isMember = (group: CompoundEntityRef): EntityCriteria => ({
    allOf: [
      catalogConditions.isEntityKind({ kinds: ['Group'] }),
      catalogConditions.hasMetadata({
        key: 'namespace',
        value: group.namespace,
      }),
      catalogConditions.hasMetadata({ key: 'name', value: group.name }),
    ],
  });
  const criteria: EntityCriteria = {
    anyOf: [
      catalogConditions.isEntityOwner({
        claims: requester.ownershipEntityRefs,
      }),
      ...groups.map(isMember),
    ],
  };
  return createCatalogConditionalDecision(permission, criteria);
};

const isOneOf =
  (...permissions: Permission[]) =>
  (permission: Permission) =>
    permissions.some(p => isPermission(permission, p));

/** Paved's permission policy for the portal, in order. */
export const policyRules: PolicyRule[] = [
  {
    description: 'Platform admins may do everything.',
    appliesTo: admins,
    matches: () => true,
    decide: allow,
  },
  {
    description:
      'The Kubernetes proxy can change live clusters (exec, delete pods): platform admins only.',
    appliesTo: anyone,
    matches: isOneOf(kubernetesProxyPermission),
    decide: deny,
  },
  {
    description:
      'Anyone signed in may see which clusters exist and the workloads of an entity.',
    appliesTo: anyone,
    matches: isOneOf(
      kubernetesClustersReadPermission,
      kubernetesResourcesReadPermission,
    ),
    decide: allow,
  },
  {
    description:
      'Owners may refresh and unregister the entities they own; nobody else may.',
    appliesTo: anyone,
    matches: isOneOf(
      catalogEntityDeletePermission,
      catalogEntityRefreshPermission,
    ),
    decide: ownersOnly,
  },
  {
    description:
      'Registering and removing catalog locations is for platform admins.',
    appliesTo: anyone,
    matches: isOneOf(
      catalogLocationCreatePermission,
      catalogLocationDeletePermission,
      catalogEntityCreatePermission,
    ),
    decide: deny,
  },
  {
    description: `Only platform admins run actions that write to live clusters (${CLUSTER_WRITING_ACTIONS.join(
      ', ',
    )}); everyone else may run any other action.`,
    appliesTo: anyone,
    matches: isOneOf(actionExecutePermission),
    decide: (_requester, permission) =>
      isResourcePermission(permission, 'scaffolder-action')
        ? createScaffolderActionConditionalDecision(permission, {
            not: {
              // Written out as first + rest: the API wants a non-empty list.
              anyOf: [
                scaffolderActionConditions.hasActionId({
                  actionId: CLUSTER_WRITING_ACTIONS[0],
                }),
                ...CLUSTER_WRITING_ACTIONS.slice(1).map(actionId =>
                  scaffolderActionConditions.hasActionId({ actionId }),
                ),
              ],
            },
          })
        : deny(),
  },
  {
    description:
      "Cost is for those who own what it is about (a component's, tenant's or cluster's owners) and, for a team, its members; and platform admins. Health, conformance, Crossplane and the fleet page are for everyone.",
    appliesTo: anyone,
    matches: isOneOf(pavedCostReadPermission),
    decide: ownersOrMembers,
  },
  {
    description:
      "A tenant's page (quota use, who can do what in its namespaces, guardrail violations) is for the tenant's owners, the members of its owning group among them, and platform admins.",
    appliesTo: anyone,
    matches: isOneOf(pavedTenantReadPermission),
    decide: ownersOnly,
  },
  {
    description:
      "Cost across clusters by label is no one entity's: platform admins only.",
    appliesTo: anyone,
    matches: isOneOf(pavedCostLabelReadPermission),
    decide: deny,
  },
  {
    description:
      "The evidence behind a problem (a Pod's events and its previous container's log lines, redacted) is for the component's owners, the members of its owning group among them, and platform admins: logs can hold what health never shows.",
    appliesTo: anyone,
    matches: isOneOf(pavedLogsReadPermission),
    decide: ownersOnly,
  },
  {
    description:
      "Snoozing or dismissing an entity's cost alerts changes what its owners are told: the entity's owners (the members of its owning group among them) and platform admins only.",
    appliesTo: anyone,
    matches: isOneOf(pavedCostAlertManagePermission),
    decide: ownersOnly,
  },
  {
    description:
      "Drift (where a tenant's or a cluster baseline's live objects differ from what Paved renders, and who changed them) is for the tenant's or cluster's owners, the members of its owning group among them, and platform admins, like the tenant page.",
    appliesTo: anyone,
    matches: isOneOf(pavedDriftReadPermission),
    decide: ownersOnly,
  },
  {
    description:
      'Anyone signed in may use software templates (run, read parameters and steps, cancel their tasks).',
    appliesTo: anyone,
    matches: permission => permission.name.startsWith('scaffolder.'),
    decide: allow,
  },
  {
    description: 'Anyone signed in may read (catalog, docs, search, ...).',
    appliesTo: anyone,
    matches: permission => permission.attributes.action === 'read',
    decide: allow,
  },
  {
    description:
      'Anything else that changes state is denied until a rule allows it.',
    appliesTo: anyone,
    matches: () => true,
    decide: deny,
  },
];
