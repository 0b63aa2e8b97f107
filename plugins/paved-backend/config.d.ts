export interface Config {
  paved?: {
    health?: {
      /**
       * How long one cluster may take to answer a health route before it is
       * reported as an error beside the other clusters' data: milliseconds,
       * or a duration such as `{ seconds: 10 }`. Default 10 seconds.
       */
      clusterTimeout?:
        | number
        | { minutes?: number; seconds?: number; milliseconds?: number };
      /**
       * How long a user's health answer is reused (milliseconds or a
       * duration). Default 10 seconds; 0 turns the cache off.
       */
      cacheTtl?:
        | number
        | { minutes?: number; seconds?: number; milliseconds?: number };
      /** Items per page when listing objects through the proxy. Default 500. */
      pageSize?: number;
    };
  };
}
