export interface Config {
  paved?: {
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
