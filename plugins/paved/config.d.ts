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
    /** How Paved's entity cards keep their data current. */
    refresh?: {
      /**
       * Seconds between reads of a card's data while its tab is visible
       * (hidden tabs do not read; a read that fell due runs when the tab
       * shows again). After a failed read the wait doubles, up to five
       * minutes, until a read succeeds. 0 reads once, on page load, only.
       * Default 30.
       *
       * @visibility frontend
       */
      intervalSeconds?: number;
    };
  };
}
