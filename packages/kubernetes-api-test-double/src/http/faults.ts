export interface FaultOptions {
  /** How many matching requests the fault applies to (default 1). */
  times?: number;
  /** Only requests with this HTTP method (default any). */
  method?: string;
  /** Only requests whose Accept header contains this (`as=Table`, say). */
  accept?: string;
  /** Status message for failNext. */
  message?: string;
}

export type Fault =
  | { type: 'status'; code: number; message?: string }
  | { type: 'hang' };

interface Armed {
  pathPrefix: string;
  fault: Fault;
  remaining: number;
  method?: string;
  accept?: string;
}

/** Faults tests arm for requests whose path starts with a prefix; each fires a set number of times. */
export class FaultInjector {
  private armed: Armed[] = [];

  failNext(
    pathPrefix: string,
    statusCode: number,
    options: FaultOptions = {},
  ): void {
    this.arm(
      pathPrefix,
      { type: 'status', code: statusCode, message: options.message },
      options,
    );
  }

  /** The matching request never gets an answer (until the client gives up or the server closes). */
  hangNext(pathPrefix: string, options: FaultOptions = {}): void {
    this.arm(pathPrefix, { type: 'hang' }, options);
  }

  clear(): void {
    this.armed = [];
  }

  /** The fault for this request, if one is armed; consumes one use. */
  take(method: string, path: string, accept = ''): Fault | undefined {
    const hit = this.armed.find(
      a =>
        path.startsWith(a.pathPrefix) &&
        (!a.method || a.method.toUpperCase() === method) &&
        (!a.accept || accept.includes(a.accept)),
    );
    if (!hit) return undefined;
    hit.remaining--;
    if (hit.remaining <= 0) this.armed = this.armed.filter(a => a !== hit);
    return hit.fault;
  }

  private arm(pathPrefix: string, fault: Fault, options: FaultOptions): void {
    this.armed.push({
      pathPrefix,
      fault,
      remaining: options.times ?? 1,
      method: options.method,
      accept: options.accept,
    });
  }
}
