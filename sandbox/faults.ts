/** A fault the sandbox applies instead of (or before) answering a call. */
export type Fault =
  /** Answer with this status and the provider's own error envelope. */
  | { type: 'status'; status: number; message?: string; headers?: Record<string, string> }
  /** A 2xx whose body is not valid JSON. */
  | { type: 'malformed' }
  /** Close the connection without answering. */
  | { type: 'drop' }
  /** Never answer (the client's timeout fires). */
  | { type: 'hang' };

interface Rule {
  fault: Fault;
  /** Calls left to fault; Infinity until cleared. */
  remaining: number;
  /** Only calls to this endpoint ("GET /assets/:id"); all when absent. */
  endpoint: string | undefined;
}

/** Faults queued for the next matching calls, first rule first. */
export class FaultInjector {
  private rules: Rule[] = [];

  /** Fault the next `times` calls (default 1), optionally only of one endpoint. */
  next(fault: Fault, options: { times?: number; endpoint?: string } = {}): void {
    this.rules.push({ fault, remaining: options.times ?? 1, endpoint: options.endpoint });
  }

  /** Fault every call until clear(): a provider that is down. */
  always(fault: Fault, endpoint?: string): void {
    this.rules.push({ fault, remaining: Infinity, endpoint });
  }

  /** Shorthand for a 429 with Retry-After in seconds, as the providers send it. */
  rateLimit(retryAfterSeconds: number, options: { times?: number; endpoint?: string } = {}): void {
    this.next({ type: 'status', status: 429, message: 'too many requests', headers: { 'retry-after': String(retryAfterSeconds) } }, options);
  }

  clear(): void {
    this.rules = [];
  }

  take(endpoint: string): Fault | undefined {
    const index = this.rules.findIndex((r) => r.endpoint === undefined || r.endpoint === endpoint);
    if (index < 0) return undefined;
    const rule = this.rules[index]!;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    return rule.fault;
  }
}
