// Whether to interrupt a superseded validation that libxml2 is still running, now that another request
// waits for the worker: when waiting for it would cost more than starting a fresh worker. Both sides are
// learned on this machine as the worker runs:
// - the remaining time: the document's size × libxml2's observed ms per character (validations of
//   100k+ characters; 40 ms per MB until one is seen) − the time it has already run;
// - the restart cost: a worker's start-up (loading libxml2-wasm, measured from spawn to its `ready`;
//   150 ms until one is seen).
// If the estimate was wrong (a pathological small document still running), it is interrupted once it has
// overrun the estimate by the restart cost.

const MIN_LEARN_CHARS = 100_000;

export class InterruptPolicy {
  private msPerChar = 40 / 1_000_000;
  private startupMs = 150;

  /** `enabled: false` never interrupts (the bench's "before" row). */
  constructor(readonly enabled = true) {}

  recordValidation(chars: number, ms: number): void {
    if (chars < MIN_LEARN_CHARS || !(ms > 0)) return;
    this.msPerChar = (this.msPerChar + ms / chars) / 2;
  }

  recordStartup(ms: number): void {
    if (ms > 0) this.startupMs = (this.startupMs + ms) / 2;
  }

  /** Milliseconds to wait before interrupting a validation of `chars` superseded after `elapsedMs`: 0 is now. */
  delay(chars: number, elapsedMs: number): number {
    if (!this.enabled) return Number.POSITIVE_INFINITY;
    const remaining = chars * this.msPerChar - elapsedMs;
    return remaining > this.startupMs ? 0 : Math.max(0, remaining) + this.startupMs;
  }

  /** The current estimates, for tests and the bench. */
  get estimates(): { msPerMB: number; startupMs: number } {
    return { msPerMB: this.msPerChar * 1_000_000, startupMs: this.startupMs };
  }
}
