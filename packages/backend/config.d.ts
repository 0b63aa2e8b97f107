export interface Config {
  /** Settings for the Paved portal. */
  paved?: {
    permission?: {
      /**
       * Entity refs of the groups (or users) whose members are platform
       * admins and may do everything, e.g. `group:default/platform-team`.
       */
      adminGroups?: string[];
    };
  };
}
