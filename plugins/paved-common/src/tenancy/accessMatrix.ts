import { evaluateAccess, RbacPolicy, subjectsWhoCan } from '../rbac/evaluate';
import type { AccessAttributes, RbacSubject } from '../rbac/types';
import { TENANT_ROLE_NAMES, TenantRoleName } from './tenantRoles';

/** One question the access matrix asks in every namespace. */
export interface TenantAccessCheck {
  id: string;
  /** For people: "Read secrets". */
  label: string;
  /** The request, without its namespace. */
  attributes: Omit<AccessAttributes, 'namespace'>;
}

/**
 * What seed 003's isolation lab asks (secrets, pods, logs, exec, events),
 * plus port-forward and the traffic objects the tenant roles hand out.
 */
export const TENANT_ACCESS_CHECKS: readonly TenantAccessCheck[] = [
  {
    id: 'get-secrets',
    label: 'Read secrets',
    attributes: { verb: 'get', group: '', resource: 'secrets' },
  },
  {
    id: 'list-pods',
    label: 'List pods',
    attributes: { verb: 'list', group: '', resource: 'pods' },
  },
  {
    id: 'get-pod-logs',
    label: 'Read pod logs',
    attributes: {
      verb: 'get',
      group: '',
      resource: 'pods',
      subresource: 'log',
    },
  },
  {
    id: 'exec',
    label: 'Exec into pods',
    attributes: {
      verb: 'create',
      group: '',
      resource: 'pods',
      subresource: 'exec',
    },
  },
  {
    id: 'port-forward',
    label: 'Port-forward to pods',
    attributes: {
      verb: 'create',
      group: '',
      resource: 'pods',
      subresource: 'portforward',
    },
  },
  {
    id: 'list-events',
    label: 'List events',
    attributes: { verb: 'list', group: '', resource: 'events' },
  },
  {
    id: 'edit-ingresses',
    label: 'Change Ingresses',
    attributes: {
      verb: 'create',
      group: 'networking.k8s.io',
      resource: 'ingresses',
    },
  },
  {
    id: 'edit-network-policies',
    label: 'Change NetworkPolicies',
    attributes: {
      verb: 'create',
      group: 'networking.k8s.io',
      resource: 'networkpolicies',
    },
  },
];

/** A tenant as the matrix needs it: its namespaces and its role groups. */
export interface TenantAccessInput {
  name: string;
  namespaces: string[];
  groups: Record<TenantRoleName, string>;
}

/** A member of a tenant: someone in the group bound to one tenant role. */
export interface TenantMember {
  tenant: string;
  role: TenantRoleName;
  group: string;
}

export interface TenantAccessCell {
  member: TenantMember;
  /** '' for a request across all namespaces. */
  namespace: string;
  /** The tenant owning `namespace`; undefined for the all-namespaces row. */
  namespaceTenant?: string;
  check: string;
  allowed: boolean;
  reason: string;
}

export interface TenantAccessMatrix {
  cells: TenantAccessCell[];
  /**
   * Cells that break isolation: a member allowed anything in another
   * tenant's namespace, or across all namespaces.
   */
  breaches: TenantAccessCell[];
}

/** The user a member is: a named person in the role's group. */
function memberUser(m: TenantMember) {
  return {
    username: `${m.tenant}-${m.role}-member`,
    groups: [m.group, 'system:authenticated'],
  };
}

/**
 * Asks every check for every member of every tenant, in each tenant's
 * namespaces and across all namespaces, through the RBAC evaluator.
 */
export function tenantAccessMatrix(
  policy: RbacPolicy,
  tenants: readonly TenantAccessInput[],
  checks: readonly TenantAccessCheck[] = TENANT_ACCESS_CHECKS,
): TenantAccessMatrix {
  const cells: TenantAccessCell[] = [];
  const targets = [
    ...tenants.flatMap(t =>
      t.namespaces.map(ns => ({
        namespace: ns,
        owner: t.name as string | undefined,
      })),
    ),
    { namespace: '', owner: undefined },
  ];
  for (const t of tenants) {
    for (const role of TENANT_ROLE_NAMES) {
      const member: TenantMember = {
        tenant: t.name,
        role,
        group: t.groups[role],
      };
      const user = memberUser(member);
      for (const target of targets) {
        for (const check of checks) {
          const d = evaluateAccess(policy, user, {
            ...check.attributes,
            namespace: target.namespace,
          });
          cells.push({
            member,
            namespace: target.namespace,
            ...(target.owner ? { namespaceTenant: target.owner } : {}),
            check: check.id,
            allowed: d.allowed,
            reason: d.reason,
          });
        }
      }
    }
  }
  return {
    cells,
    breaches: cells.filter(
      c => c.allowed && c.namespaceTenant !== c.member.tenant,
    ),
  };
}

/** One line of "who can do what here": a check and what each role gets. */
export interface TenantAccessSummaryRow {
  check: string;
  label: string;
  /** Per role: in all of the tenant's namespaces, some, or none. */
  roles: Record<TenantRoleName, 'all' | 'some' | 'none'>;
}

export interface TenantAccessSummary {
  tenant: string;
  namespaces: string[];
  groups: Record<TenantRoleName, string>;
  rows: TenantAccessSummaryRow[];
  /** Members of other tenants allowed something here, or anywhere cluster-wide. */
  breaches: TenantAccessCell[];
}

/**
 * "Who can do what here" for one tenant's entity page: for each check, what
 * its admins and developers may do in its namespaces, and any isolation
 * breach involving it (another tenant's member allowed in its namespaces, or
 * its own members allowed elsewhere).
 */
export function tenantAccessSummary(
  policy: RbacPolicy,
  tenant: TenantAccessInput,
  others: readonly TenantAccessInput[] = [],
  checks: readonly TenantAccessCheck[] = TENANT_ACCESS_CHECKS,
): TenantAccessSummary {
  const matrix = tenantAccessMatrix(policy, [tenant, ...others], checks);
  const rows = checks.map(check => {
    const roles = {} as Record<TenantRoleName, 'all' | 'some' | 'none'>;
    for (const role of TENANT_ROLE_NAMES) {
      const own = matrix.cells.filter(
        c =>
          c.check === check.id &&
          c.member.tenant === tenant.name &&
          c.member.role === role &&
          c.namespaceTenant === tenant.name,
      );
      const allowed = own.filter(c => c.allowed).length;
      if (allowed === 0) roles[role] = 'none';
      else roles[role] = allowed === own.length ? 'all' : 'some';
    }
    return { check: check.id, label: check.label, roles };
  });
  return {
    tenant: tenant.name,
    namespaces: [...tenant.namespaces],
    groups: { ...tenant.groups },
    rows,
    breaches: matrix.breaches.filter(
      c => c.member.tenant === tenant.name || c.namespaceTenant === tenant.name,
    ),
  };
}

/** A subject allowed a check somewhere in a tenant's namespaces. */
export interface TenantWhoCanEntry {
  subject: RbacSubject;
  /** The tenant namespaces where it is allowed, in the tenant's order. */
  namespaces: string[];
  /** Allowed through a ClusterRoleBinding: in every namespace of the cluster. */
  clusterWide: boolean;
  /** `RoleBinding acme-dev/tenant-admin (Role tenant-admin)`, one per binding. */
  via: string[];
}

export interface TenantWhoCanRow {
  check: string;
  label: string;
  subjects: TenantWhoCanEntry[];
}

/**
 * "Who can do what here", straight from RBAC objects: for each check, every
 * user, group and service account allowed it in the tenant's namespaces,
 * and through which bindings, including platform-wide ones. Pure, for the
 * tenant's entity page.
 */
export function tenantWhoCan(
  policy: RbacPolicy,
  namespaces: readonly string[],
  checks: readonly TenantAccessCheck[] = TENANT_ACCESS_CHECKS,
): TenantWhoCanRow[] {
  return checks.map(check => {
    const bySubject = new Map<string, TenantWhoCanEntry>();
    for (const namespace of namespaces) {
      for (const g of subjectsWhoCan(policy, {
        ...check.attributes,
        namespace,
      })) {
        const s = g.subject;
        const key = `${s.kind}/${s.namespace ?? ''}/${s.name}`;
        const entry = bySubject.get(key) ?? {
          subject: s,
          namespaces: [],
          clusterWide: false,
          via: [],
        };
        if (!entry.namespaces.includes(namespace))
          entry.namespaces.push(namespace);
        if (g.binding.kind === 'ClusterRoleBinding') entry.clusterWide = true;
        const via =
          g.binding.kind === 'ClusterRoleBinding'
            ? `ClusterRoleBinding ${g.binding.name} (${g.role.kind} ${g.role.name})`
            : `RoleBinding ${g.binding.namespace}/${g.binding.name} (${g.role.kind} ${g.role.name})`;
        if (!entry.via.includes(via)) entry.via.push(via);
        bySubject.set(key, entry);
      }
    }
    return {
      check: check.id,
      label: check.label,
      subjects: [...bySubject.values()],
    };
  });
}
