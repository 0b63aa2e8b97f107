export interface Config {
  paved?: {
    /**
     * How roadmaps are read, for every roadmap location. The annotations
     * `paved.dev/roadmap-id-pattern`, `paved.dev/roadmap-dependency-words`
     * and `paved.dev/roadmap-status-words` on an entity override or add to
     * these for its roadmap.
     */
    roadmaps?: {
      /**
       * Regular expressions for item ids (e.g. `STORY/\\d+`). When set, ids
       * are no longer detected from the document: only these count.
       */
      idPatterns?: string[];
      /**
       * Phrases that introduce dependencies, added to the defaults
       * (depends on, requires, blocked by, after, needs, ...).
       */
      dependencyWords?: string[];
      /**
       * Status words added to the defaults, word to status: planned,
       * in-progress, blocked, done or dropped (e.g. `shipped: done`).
       */
      statusWords?: { [word: string]: string };
    };
    /**
     * The cluster catalog provider: a `Resource` of type `kubernetes-cluster`
     * for every cluster in `kubernetes.clusterLocatorMethods` of type
     * `config`, named as the cluster. Keys are cluster names, plus the
     * reserved key `catalogProvider` for the provider's own settings. See
     * docs/clusters.md.
     */
    clusters?: {
      /** The provider's settings (a cluster cannot be named `catalogProvider`). */
      catalogProvider?: {
        /**
         * Default true. When false, the provider registers nothing and the
         * clusters it registered before leave the catalog.
         */
        enabled?: boolean;
        /** Owner of clusters without their own `owner`, e.g. `group:default/platform-team`. */
        defaultOwner?: string;
        /**
         * Also re-read the config on this schedule (config reloads are
         * always picked up), e.g. `{ frequency: { minutes: 10 }, timeout: { minutes: 1 } }`.
         */
        schedule?: {
          frequency:
            | { cron: string }
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
          timeout:
            | string
            | {
                days?: number;
                hours?: number;
                minutes?: number;
                seconds?: number;
                milliseconds?: number;
              };
          initialDelay?:
            | string
            | {
                days?: number;
                hours?: number;
                minutes?: number;
                seconds?: number;
                milliseconds?: number;
              };
          scope?: 'global' | 'local';
        };
      };
      /** One cluster, by its `name` in the Kubernetes backend's config. */
      [clusterName: string]:
        | {
            /** Entity ref of the owner; a bare name means a Group in the default namespace. */
            owner?: string;
            /** The tier (1-5) the cluster was built to: written as `paved.dev/tier`. */
            tier?: number | string;
            /** The System the cluster belongs to (entity ref). */
            system?: string;
            /** Title; default the cluster's `title` in the Kubernetes config. */
            title?: string;
            description?: string;
            /**
             * Default true. False leaves the cluster out, e.g. when its entity
             * is written by hand in a catalog-info.yaml.
             */
            register?: boolean;
            /** Only on `catalogProvider`. */
            enabled?: boolean;
            defaultOwner?: string;
            schedule?: object;
          }
        | undefined;
    };
  };
}
