export interface Config {
  paved?: {
    tenants?: {
      /**
       * The platform team's contacts, written into every tenant's
       * PLATFORM.md (the contract between the platform team and the tenant).
       * Left out, the contract says which setting is missing.
       */
      contract?: {
        /** The platform team's catalog group, e.g. `group:default/platform`. */
        platformTeam?: string;
        /** Where tenants ask for help: a chat channel or a queue's URL. */
        supportChannel?: string;
        /** The on-call route for severity 1, e.g. a PagerDuty service. */
        onCall?: string;
      };
    };
  };
}
