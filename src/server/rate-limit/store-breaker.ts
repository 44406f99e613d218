export interface StoreBreakerOptions {
  /** How long to leave the store alone after a failure before probing it again. */
  cooldownMs: number;
  /** Asks the store for a sign of life; rejects (within a bounded time) when there is none. */
  probe: () => Promise<unknown>;
  onOpen: (error: unknown) => void;
  onClose: () => void;
}

/**
 * A circuit breaker in front of the rate-limit store. A store that fails or stops answering
 * would make every check wait out its timeout; the first failure opens the breaker, and while
 * it is open checks do not ask the store. Once the cooldown has passed, a check starts a probe
 * in the background (no request waits for it); its success, or any success reported meanwhile
 * (the client reconnecting), closes the breaker. A failed probe waits out another cooldown.
 */
export class StoreBreaker {
  readonly #options: StoreBreakerOptions;
  #open = false;
  #probing = false;
  #nextProbeAt = 0;

  constructor(options: StoreBreakerOptions) {
    this.#options = options;
  }

  /** Whether a check may ask the store; while open, starts a probe when one is due. */
  allowsRequest(): boolean {
    if (!this.#open) return true;
    if (!this.#probing && Date.now() >= this.#nextProbeAt) void this.#probe();
    return false;
  }

  succeeded(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#options.onClose();
  }

  failed(error: unknown): void {
    this.#nextProbeAt = Date.now() + this.#options.cooldownMs;
    if (this.#open) return;
    this.#open = true;
    this.#options.onOpen(error);
  }

  async #probe(): Promise<void> {
    this.#probing = true;
    try {
      await this.#options.probe();
      this.succeeded();
    } catch {
      this.#nextProbeAt = Date.now() + this.#options.cooldownMs;
    } finally {
      this.#probing = false;
    }
  }
}
