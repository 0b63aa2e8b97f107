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
