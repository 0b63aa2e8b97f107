import {
  DEFAULT_TENANT_TAINT_KEY,
  GVISOR_RUNTIME_CLASS,
  GVISOR_TIERS,
  getTier,
  isAzureTenantId,
  isDns1123Label,
  isIsolationLevel,
  isLabelValue,
  isolationIncludes,
  isTierNumber,
  isWorkloadIdentityProvider,
  ISOLATION_LEVELS,
  SYSTEM_PRIORITY_CLASSES,
  TAINT_EFFECTS,
  TENANT_PRIORITY_CLASSES,
  TENANT_PRIORITY_TIERS,
  tierShipsGvisor,
  tierShipsTenantPriorityClasses,
  WORKLOAD_IDENTITY_PROVIDERS,
  workloadIdentityProblem,
} from '@paved/plugin-paved-common';
import type {
  TenantAlertReceiver,
  TenantDelivery,
  TenantIsolationInput,
  TenantObservabilityInput,
  TenantPolicyEngine,
  TenantWorkloadIdentity,
} from '../render/tenant/inputs';
import {
  CLAIM_UNSUPPORTED,
  CROSSPLANE_TIERS,
  tierHasCrossplane,
} from '../render/tenant/claim';
import { InputProblems } from '../validate/inputs';

const POLICY_ENGINES: TenantPolicyEngine[] = [
  'none',
  'kyverno',
  'gatekeeper',
  'kyverno-and-gatekeeper',
];

/** A label or taint key: optional DNS prefix, `/`, a name of up to 63. */
const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const SEMVER = /^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$/;

/** Form fields left blank arrive as '' or null. */
const given = (v: unknown) => v !== undefined && v !== null && v !== '';
const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The form sends every field of a section, blank ones as '' : a node pool
 * or taint whose name or key is blank was not given.
 */
function withoutBlankParts(iso: unknown): unknown {
  if (!isObject(iso)) return iso;
  const out: Record<string, unknown> = { ...iso };
  if (
    isObject(out.nodePool) &&
    !given(out.nodePool.name) &&
    !given(out.nodePool.label)
  )
    delete out.nodePool;
  else if (isObject(out.nodePool) && !given(out.nodePool.label)) {
    const { label: _l, ...rest } = out.nodePool;
    out.nodePool = rest;
  }
  if (isObject(out.taint) && !given(out.taint.key) && !given(out.taint.value))
    delete out.taint;
  if (!given(out.vclusterVersion)) delete out.vclusterVersion;
  return out;
}

export type TenancyInput = {
  observability?: TenantObservabilityInput;
  delivery?: TenantDelivery;
  isolation?: TenantIsolationInput;
  workloadIdentity?: TenantWorkloadIdentity;
  priorityClass?: string;
  policyEngine?: TenantPolicyEngine;
  guardrails?: boolean;
};

/**
 * Isolation tier, workload identity, PriorityClass, policy engine and
 * guardrails: every problem is added to `p` under its field's name, and
 * what comes back is only used once `p` has none.
 */
export function checkTenancyInput(
  p: InputProblems,
  input: Record<string, any>,
): TenancyInput {
  const tier = isTierNumber(input.tier) ? input.tier : undefined;
  const out: TenancyInput = {};

  // Policy engine and guardrails first: isolation needs them to enforce it.
  let engine: TenantPolicyEngine | undefined;
  if (given(input.policyEngine)) {
    if (POLICY_ENGINES.includes(input.policyEngine)) {
      engine = input.policyEngine;
      out.policyEngine = engine;
    } else {
      p.add(
        'policyEngine',
        `${JSON.stringify(
          input.policyEngine,
        )} must be one of ${POLICY_ENGINES.join(', ')}`,
      );
    }
  } else if (tier) {
    engine = getTier(tier).defaults.policyEngine;
  }
  const kyverno = engine === 'kyverno' || engine === 'kyverno-and-gatekeeper';
  if (given(input.guardrails)) {
    if (typeof input.guardrails !== 'boolean') {
      p.add(
        'guardrails',
        `${JSON.stringify(input.guardrails)} must be true or false`,
      );
    } else {
      out.guardrails = input.guardrails;
      if (input.guardrails && engine && !kyverno) {
        p.add(
          'guardrails',
          `cannot be enforced with policy engine "${engine}": tenant guardrails are Kyverno policies, so the cluster needs Kyverno (tiers 2-5 have it by default)`,
        );
      }
    }
  }
  const enforced = kyverno && out.guardrails !== false;

  if (given(input.isolation)) {
    out.isolation = checkIsolation(
      p,
      { ...input, isolation: withoutBlankParts(input.isolation) },
      tier,
      enforced,
      engine,
    );
  }
  if (
    given(input.workloadIdentity) &&
    !(
      isObject(input.workloadIdentity) &&
      ['', 'none', null, undefined].includes(input.workloadIdentity.provider) &&
      !given(input.workloadIdentity.identity)
    )
  ) {
    out.workloadIdentity = checkWorkloadIdentity(p, input.workloadIdentity);
  }
  if (given(input.priorityClass)) {
    const pc = input.priorityClass;
    const names = TENANT_PRIORITY_CLASSES.map(c => c.name);
    if ((SYSTEM_PRIORITY_CLASSES as readonly unknown[]).includes(pc)) {
      p.add(
        'priorityClass',
        `"${pc}" is reserved for the cluster's own components; tenants choose one of ${names.join(
          ', ',
        )}`,
      );
    } else if (!names.includes(pc)) {
      p.add(
        'priorityClass',
        `${JSON.stringify(
          pc,
        )} is not one of the platform's tenant PriorityClasses (${names.join(
          ', ',
        )})`,
      );
    } else if (tier && !tierShipsTenantPriorityClasses(tier)) {
      p.add(
        'priorityClass',
        `tier ${tier} clusters ship no tenant PriorityClasses (tiers ${TENANT_PRIORITY_TIERS.join(
          ', ',
        )} do)`,
      );
    } else {
      out.priorityClass = pc;
    }
  }
  if (given(input.observability)) {
    out.observability = checkObservability(p, input, tier);
  }
  if (given(input.delivery)) {
    out.delivery = checkDelivery(p, input, tier);
  }
  return out;
}

const DELIVERIES: TenantDelivery[] = ['manifests', 'claim'];

/**
 * `claim` needs the tier's Tenant XRD (shipped where Crossplane is) and only
 * what its Composition composes; see render/tenant/claim.ts.
 */
function checkDelivery(
  p: InputProblems,
  input: Record<string, any>,
  tier: number | undefined,
): TenantDelivery | undefined {
  const d = input.delivery;
  if (!DELIVERIES.includes(d)) {
    p.add(
      'delivery',
      `${JSON.stringify(d)} must be one of ${DELIVERIES.join(', ')}`,
    );
    return undefined;
  }
  if (d !== 'claim') return d;
  if (tier !== undefined && !tierHasCrossplane(tier as any)) {
    p.add(
      'delivery',
      `"claim" needs the Tenant XRD, which only tiers with Crossplane ship (tier ${CROSSPLANE_TIERS.join(
        ', ',
      )}); tier ${tier} has no Crossplane: deliver the manifests instead`,
    );
  }
  for (const u of CLAIM_UNSUPPORTED) {
    if (u.given(input))
      p.add(u.field, `is not composed by the Tenant claim: ${u.why}`);
  }
  return d;
}

const isSecretName = (v: unknown) =>
  typeof v === 'string' &&
  v.length <= 253 &&
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(v);
/** A Secret data key. */
const isSecretKey = (v: unknown) =>
  typeof v === 'string' && v.length <= 253 && /^[-._a-zA-Z0-9]+$/.test(v);
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const SLACK_CHANNEL = /^[#@]?[a-z0-9][-_a-z0-9.]{0,79}$/;
const RECEIVER_TYPES = ['slack', 'pagerduty', 'webhook', 'email'] as const;
/** Fields that would put a credential into the manifests. */
const INLINE_CREDENTIALS = [
  'url',
  'apiURL',
  'routingKey',
  'serviceKey',
  'token',
  'password',
];

function checkObservability(
  p: InputProblems,
  input: Record<string, any>,
  tier: number | undefined,
): TenantObservabilityInput | undefined {
  const o = input.observability;
  if (!isObject(o)) {
    p.add(
      'observability',
      'must be { metrics, logs, dashboards, alerts } (each optional)',
    );
    return undefined;
  }
  const obs = tier ? getTier(tier as any).defaults.observability : undefined;
  const out: TenantObservabilityInput = {};
  for (const part of ['metrics', 'logs', 'dashboards'] as const) {
    if (!given(o[part])) continue;
    if (typeof o[part] !== 'boolean') {
      p.add(
        `observability.${part}`,
        `${JSON.stringify(o[part])} must be true or false`,
      );
      continue;
    }
    if (o[part]) out[part] = true;
  }
  const wantsAlerts =
    given(o.alerts) &&
    !(
      isObject(o.alerts) &&
      isObject(o.alerts.receiver) &&
      ['', 'none', null, undefined].includes(o.alerts.receiver.type)
    );
  if (
    (out.metrics || out.dashboards || wantsAlerts) &&
    obs === 'kubectl-logs'
  ) {
    p.add(
      'observability',
      `tier ${tier} clusters run no Prometheus or Grafana (observability "kubectl-logs"); tenant metrics, dashboards and alerts start at tier 2`,
    );
  }
  if (out.logs && obs !== undefined && obs !== 'full-stack') {
    p.add(
      'observability.logs',
      `tier ${tier} clusters run no Loki (observability "${obs}"); per-tenant logs start at tier 3`,
    );
  }
  if (wantsAlerts) {
    const receiver = checkReceiver(p, String(input.name), o.alerts);
    if (receiver) out.alerts = { receiver };
  }
  return out;
}

function checkReceiver(
  p: InputProblems,
  tenant: string,
  alerts: unknown,
): TenantAlertReceiver | undefined {
  const r = isObject(alerts) ? alerts.receiver : undefined;
  if (!isObject(r)) {
    p.add(
      'observability.alerts.receiver',
      "must be { type, ... }: where the tenant's alerts go",
    );
    return undefined;
  }
  if (!RECEIVER_TYPES.includes(r.type)) {
    p.add(
      'observability.alerts.receiver.type',
      `${JSON.stringify(r.type)} must be one of ${RECEIVER_TYPES.join(', ')}`,
    );
    return undefined;
  }
  let bad = false;
  const add = (field: string, rule: string) => {
    bad = true;
    p.add(`observability.alerts.receiver.${field}`, rule);
  };
  for (const k of INLINE_CREDENTIALS) {
    if (given(r[k])) {
      add(
        k,
        'credentials are never written into the manifests: keep them in a Secret in each tenant namespace and give its name as secretName',
      );
    }
  }
  if (r.type === 'email') {
    if (typeof r.to !== 'string' || !EMAIL.test(r.to)) {
      add('to', `${JSON.stringify(r.to)} is not an e-mail address`);
    }
    if (given(r.secretName))
      add(
        'secretName',
        "e-mail goes through the Alertmanager's own SMTP settings; it takes no Secret",
      );
    return bad ? undefined : { type: 'email', to: r.to };
  }
  if (!isSecretName(r.secretName)) {
    add(
      'secretName',
      `${JSON.stringify(
        r.secretName,
      )} must name a Secret (DNS-1123 subdomain) in each tenant namespace holding the ${
        r.type
      } credential`,
    );
  } else if (!String(r.secretName).startsWith(`${tenant}-`)) {
    add(
      'secretName',
      `"${r.secretName}" must start with "${tenant}-": the tenant creates the Secret, and its guardrails admit only names with its prefix`,
    );
  }
  if (given(r.secretKey) && !isSecretKey(r.secretKey)) {
    add('secretKey', `${JSON.stringify(r.secretKey)} is not a Secret data key`);
  }
  if (
    r.type === 'slack' &&
    (typeof r.channel !== 'string' || !SLACK_CHANNEL.test(r.channel))
  ) {
    add(
      'channel',
      `${JSON.stringify(r.channel)} is not a Slack channel, e.g. #acme-alerts`,
    );
  }
  if (bad) return undefined;
  const secret = {
    secretName: r.secretName as string,
    ...(given(r.secretKey) ? { secretKey: r.secretKey as string } : {}),
  };
  return r.type === 'slack'
    ? { type: 'slack', channel: r.channel, ...secret }
    : { type: r.type, ...secret };
}

function checkIsolation(
  p: InputProblems,
  input: Record<string, any>,
  tier: number | undefined,
  enforced: boolean,
  engine: TenantPolicyEngine | undefined,
): TenantIsolationInput | undefined {
  const iso = input.isolation;
  if (!isObject(iso)) {
    p.add('isolation', 'must be an object with a level');
    return undefined;
  }
  if (!isIsolationLevel(iso.level)) {
    p.add(
      'isolation.level',
      `${JSON.stringify(iso.level)} must be one of ${ISOLATION_LEVELS.join(
        ', ',
      )}`,
    );
    return undefined;
  }
  const level = iso.level;
  const out: TenantIsolationInput = { level };
  const wantsPool = isolationIncludes(level, 'dedicated-nodes');
  if (given(iso.nodePool)) {
    if (!wantsPool) {
      p.add(
        'isolation.nodePool',
        `a node pool only applies from isolation tier dedicated-nodes; "${level}" shares nodes`,
      );
    } else if (
      !isObject(iso.nodePool) ||
      !isLabelValue(iso.nodePool.name) ||
      !iso.nodePool.name
    ) {
      p.add(
        'isolation.nodePool.name',
        `${JSON.stringify(
          iso.nodePool?.name,
        )} must be the pool's node label value (a label value, not empty)`,
      );
    } else if (
      given(iso.nodePool.label) &&
      !QUALIFIED_NAME.test(String(iso.nodePool.label))
    ) {
      p.add(
        'isolation.nodePool.label',
        `${JSON.stringify(
          iso.nodePool.label,
        )} is not a label key (prefix/name)`,
      );
    } else {
      out.nodePool = {
        name: iso.nodePool.name,
        ...(given(iso.nodePool.label) ? { label: iso.nodePool.label } : {}),
      };
    }
  } else if (wantsPool) {
    p.add(
      'isolation.nodePool',
      `is required for isolation tier "${level}": name the dedicated node pool (its node label value)`,
    );
  }
  if (given(iso.taint)) {
    const t = iso.taint;
    if (!given(iso.nodePool)) {
      p.add(
        'isolation.taint',
        'a taint without a node pool keeps the tenant off nodes nobody selects: name the dedicated node pool the taint is on (isolation.nodePool)',
      );
    } else if (!isObject(t)) {
      p.add('isolation.taint', 'must be { key, value, effect }');
    } else {
      let bad = false;
      const add = (field: string, rule: string) => {
        bad = true;
        p.add(field, rule);
      };
      if (!QUALIFIED_NAME.test(String(t.key))) {
        add(
          'isolation.taint.key',
          `${JSON.stringify(t.key)} is not a taint key (prefix/name)`,
        );
      }
      if (!isLabelValue(t.value) || !t.value) {
        add(
          'isolation.taint.value',
          `${JSON.stringify(t.value)} is not a taint value`,
        );
      }
      if (!TAINT_EFFECTS.includes(t.effect)) {
        add(
          'isolation.taint.effect',
          `${JSON.stringify(t.effect)} must be one of ${TAINT_EFFECTS.join(
            ', ',
          )}`,
        );
      }
      if (t.key === DEFAULT_TENANT_TAINT_KEY && t.value !== input.name) {
        add(
          'isolation.taint.value',
          `a ${DEFAULT_TENANT_TAINT_KEY} taint names its tenant: "${
            input.name
          }", not ${JSON.stringify(
            t.value,
          )} (every tenant's guardrails refuse tolerating another tenant's value)`,
        );
      }
      if (!bad) {
        out.taint = { key: t.key, value: t.value, effect: t.effect };
      }
    }
  }
  if (
    isolationIncludes(level, 'sandboxed') &&
    tier !== undefined &&
    !tierShipsGvisor(tier as any)
  ) {
    p.add(
      'isolation.level',
      `"${level}" runs Pods in gVisor, and tier ${tier} clusters have no ${GVISOR_RUNTIME_CLASS} RuntimeClass (tiers ${GVISOR_TIERS.join(
        ', ',
      )} ship it)`,
    );
  }
  if (isolationIncludes(level, 'sandboxed') && !enforced) {
    p.add(
      'isolation.level',
      `"${level}" is enforced by the tenant's Kyverno guardrails, which ${
        input.guardrails === false
          ? 'are switched off'
          : `policy engine "${engine}" cannot run`
      }`,
    );
  }
  if (
    level === 'virtual-cluster' &&
    !['argocd', 'flux'].includes(input.gitops)
  ) {
    p.add(
      'gitops',
      `isolation tier virtual-cluster installs vCluster through GitOps: choose argocd or flux, not ${JSON.stringify(
        input.gitops,
      )}`,
    );
  }
  if (given(iso.vclusterVersion)) {
    if (level !== 'virtual-cluster') {
      p.add(
        'isolation.vclusterVersion',
        `only applies to isolation tier virtual-cluster, not "${level}"`,
      );
    } else if (!SEMVER.test(String(iso.vclusterVersion))) {
      p.add(
        'isolation.vclusterVersion',
        `${JSON.stringify(iso.vclusterVersion)} is not a chart version (x.y.z)`,
      );
    } else {
      out.vclusterVersion = iso.vclusterVersion;
    }
  }
  return out;
}

function checkWorkloadIdentity(
  p: InputProblems,
  wi: unknown,
): TenantWorkloadIdentity | undefined {
  if (!isObject(wi)) {
    p.add('workloadIdentity', 'must be { provider, identity }');
    return undefined;
  }
  if (!isWorkloadIdentityProvider(wi.provider)) {
    p.add(
      'workloadIdentity.provider',
      `${JSON.stringify(
        wi.provider,
      )} has no known workload identity format; providers are ${WORKLOAD_IDENTITY_PROVIDERS.join(
        ', ',
      )}`,
    );
    return undefined;
  }
  let bad = false;
  const add = (field: string, rule: string) => {
    bad = true;
    p.add(field, rule);
  };
  const problem = workloadIdentityProblem(wi.provider, wi.identity);
  if (problem) add('workloadIdentity.identity', problem);
  if (given(wi.serviceAccountName) && !isDns1123Label(wi.serviceAccountName)) {
    add(
      'workloadIdentity.serviceAccountName',
      `${JSON.stringify(wi.serviceAccountName)} is not a DNS-1123 label`,
    );
  }
  if (given(wi.azureTenantId)) {
    if (wi.provider !== 'aks') {
      add(
        'workloadIdentity.azureTenantId',
        `only applies to provider aks, not ${wi.provider}`,
      );
    } else if (!isAzureTenantId(wi.azureTenantId)) {
      add(
        'workloadIdentity.azureTenantId',
        `${JSON.stringify(wi.azureTenantId)} is not a GUID`,
      );
    }
  }
  if (bad) return undefined;
  return {
    provider: wi.provider,
    identity: wi.identity as string,
    ...(given(wi.serviceAccountName)
      ? { serviceAccountName: wi.serviceAccountName as string }
      : {}),
    ...(given(wi.azureTenantId)
      ? { azureTenantId: wi.azureTenantId as string }
      : {}),
  };
}
