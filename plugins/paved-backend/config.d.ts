/**
 * A duration: milliseconds as a number, an object such as `{ seconds: 10 }`,
 * or a string such as `'10s'` or `'PT10S'` (Backstage's `readDurationFromConfig`).
 */
type Duration =
  | number
  | string
  | {
      years?: number;
      months?: number;
      weeks?: number;
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
      milliseconds?: number;
    };

export interface Config {
  paved?: {
    /**
     * Features that can be switched off: false leaves out the feature's
     * backend routes (404), actions and scheduled tasks (cost: cost alerts),
     * and its cards and pages in the app. Each defaults to true.
     */
    features?: {
      /**
       * Component and cluster health cards and routes.
       *
       * @visibility frontend
       */
      health?: boolean;
      /**
       * Tier conformance card and route.
       *
       * @visibility frontend
       */
      conformance?: boolean;
      /**
       * Cost cards and routes (OpenCost), and cost alerts.
       *
       * @visibility frontend
       */
      cost?: boolean;
      /**
       * Crossplane claims card, routes and request form.
       *
       * @visibility frontend
       */
      crossplane?: boolean;
      /**
       * GitOps (Flux, Argo CD) status card and route.
       *
       * @visibility frontend
       */
      gitops?: boolean;
      /**
       * Drift card and route (tenants, cluster baselines).
       *
       * @visibility frontend
       */
      drift?: boolean;
      /**
       * Evidence drawer and route (events, previous logs).
       *
       * @visibility frontend
       */
      evidence?: boolean;
      /**
       * Fleet page and route.
       *
       * @visibility frontend
       */
      fleet?: boolean;
      /**
       * Tenant page and route.
       *
       * @visibility frontend
       */
      tenants?: boolean;
    };
    /**
     * How every feature reads clusters (a key of its own: `paved.clusters`
     * holds the catalog module's per-cluster settings, keyed by name).
     */
    clusterAccess?: {
      /**
       * How long one cluster may take to answer before it is reported as an
       * error beside the other clusters' data. Default 10 seconds.
       */
      clusterTimeout?: Duration;
      /** How long a user's answer is reused. Default 10 seconds; 0 turns the cache off. */
      cacheTtl?: Duration;
      /** Items per page when listing objects through the proxy. Default 500. */
      pageSize?: number;
    };
    health?: {
      /** @deprecated Use `paved.clusterAccess.clusterTimeout`; still read when that is unset. */
      clusterTimeout?: Duration;
      /** @deprecated Use `paved.clusterAccess.cacheTtl`; still read when that is unset. */
      cacheTtl?: Duration;
      /** @deprecated Use `paved.clusterAccess.pageSize`; still read when that is unset. */
      pageSize?: number;
      /**
       * Running Pods that are not plainly healthy (crash-looping, not ready,
       * restarted) read in full per component, cluster and STATUS (as
       * `kubectl get pods` prints it): a few examples tell why they fail.
       * The others are counted from the Pod list's Table rows, without
       * their containers' last terminations (OOM kills) and waiting
       * messages. Pods that are not Running are always read in full.
       * `'all'` reads every such Pod in full, whatever it costs. Default 2.
       */
      inspectPods?: number | 'all';
    };
    /** The evidence drawer's reads; see docs/clusters.md. */
    evidence?: {
      /** Lines read from the end of a previous container's log. Default 100, at most 5000. */
      tailLines?: number;
      /** Bytes of log the cluster may send at most (limitBytes). Default 65536, at most 1048576. */
      limitBytes?: number;
      /** Events shown per object, newest first. Default 50, at most 500. */
      maxEvents?: number;
    };
    /** Cost alerts through the notifications backend; see docs/finops.md. */
    costAlerts?: {
      /** Default true; false schedules no evaluation. */
      enabled?: boolean;
      /**
       * When the evaluation runs (frequency, timeout, initialDelay as
       * durations, or a cron). Always global: once per schedule across the
       * replicas sharing the database. Default every hour.
       */
      schedule?: {
        frequency: { cron: string } | string | { [unit: string]: number };
        timeout: string | { [unit: string]: number };
        initialDelay?: string | { [unit: string]: number };
        scope?: 'global';
      };
      /** IANA zone whose months and weeks alerts use. Default UTC. */
      zone?: string;
      /** Week-over-week growth share that raises an alert. Default 0.2. */
      growthShare?: number;
      /** Weeks cheaper than this raise no growth alert. Default 10. */
      growthMinimumWeeklyCost?: number;
      /** Idle cost per day (30-day average) that raises an alert. Default 5. */
      idlePerDay?: number;
    };
    /** OpenCost, for the cost routes; see docs/finops.md. */
    cost?: {
      /** ISO 4217 code of the currency OpenCost prices in. Default USD. */
      currency?: string;
      /** Per-cluster timeout. Default 15 seconds. */
      clusterTimeout?: Duration;
      /**
       * How long a user's cost answer is reused; answers with a failing
       * cluster are not kept. Default 60 seconds; 0 turns the cache off.
       */
      cacheTtl?: Duration;
      /** `/allocation` (default; supports `filter`) or `/allocation/compute`. */
      endpoint?: '/allocation' | '/allocation/compute';
      /** OpenCost's Service for the Kubernetes API service proxy. Default opencost/opencost:9003. */
      service?: { namespace?: string; name?: string; port?: number | string };
      /** Labels the `/cost/label` route may group by. Default paved.dev/team, paved.dev/cost-center. */
      labels?: string[];
      /** Longest `start`/`end` range the cost routes accept, in whole days. Default 92. */
      maxWindowDays?: number;
      /**
       * ISO 4217 code to show amounts in, converted at `rates[code]`;
       * labelled as converted on the card. Default: `currency` (no conversion).
       */
      displayCurrency?: string;
      /** Units of each currency per 1 unit of `currency`, e.g. `{ EUR: 0.92 }`. */
      rates?: { [code: string]: number };
      /** Per-cluster settings, by the cluster's name in the Kubernetes backend. */
      clusters?: Array<{
        name: string;
        /**
         * Call OpenCost here instead of through the service proxy, e.g.
         * `http://opencost.opencost.svc:9003`.
         */
        baseUrl?: string;
        endpoint?: '/allocation' | '/allocation/compute';
        service?: { namespace?: string; name?: string; port?: number | string };
      }>;
    };
  };
}
