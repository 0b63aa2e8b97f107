import type {
  IsolationLevel,
  TaintEffect,
  WorkloadIdentityProvider,
} from '@paved/plugin-paved-common';

/** The cluster's admission policy engine, as the cluster baseline names it. */
export type TenantPolicyEngine =
  | 'none'
  | 'kyverno'
  | 'gatekeeper'
  | 'kyverno-and-gatekeeper';

/** A dedicated, tainted node pool that only the tenant's Pods land on. */
export type TenantNodePool = {
  /** The value of the pool's node label, e.g. `acme`. */
  name: string;
  /** The node label naming the pool; `paved.dev/node-pool` by default. */
  label?: string;
};

export type TenantTaint = {
  key: string;
  value: string;
  effect: TaintEffect;
};

export type TenantIsolationInput = {
  level: IsolationLevel;
  /** `dedicated-nodes` and above. */
  nodePool?: TenantNodePool;
  /** The pool's taint; `paved.dev/tenant=<tenant>:NoSchedule` by default. */
  taint?: TenantTaint;
  /** `virtual-cluster`: the vCluster chart version to install. */
  vclusterVersion?: string;
};

export type TenantWorkloadIdentity = {
  provider: WorkloadIdentityProvider;
  /** IAM role ARN, GCP service account e-mail or Azure client id. */
  identity: string;
  /** The ServiceAccount in each namespace; `<tenant>-workload` by default. */
  serviceAccountName?: string;
  /** Azure only: the Entra tenant id, when it is not the cluster's. */
  azureTenantId?: string;
};

/**
 * Where the tenant's alerts go. Credentials stay in a Secret the tenant
 * keeps in each of its namespaces; only its name (and key) is written.
 */
export type TenantAlertReceiver =
  | { type: 'slack'; channel: string; secretName: string; secretKey?: string }
  | { type: 'pagerduty'; secretName: string; secretKey?: string }
  | { type: 'webhook'; secretName: string; secretKey?: string }
  | { type: 'email'; to: string };

/** Per-tenant observability; each part is off unless asked for. */
export type TenantObservabilityInput = {
  /** The tenant label on every series scraped from the tenant's Pods. */
  metrics?: boolean;
  /** A Loki tenant and Grafana datasource of the tenant's own (tier 3+). */
  logs?: boolean;
  /** A Grafana folder with the default dashboards (tier 2+). */
  dashboards?: boolean;
  /** Default alert rules, routed to the tenant's receiver (tier 2+). */
  alerts?: { receiver: TenantAlertReceiver };
};

/** How the tenant is delivered: its manifests, or one Tenant claim. */
export type TenantDelivery = 'manifests' | 'claim';
