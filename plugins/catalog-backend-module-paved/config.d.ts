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
  };
}
