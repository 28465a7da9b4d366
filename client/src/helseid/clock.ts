// Clock-skew tolerance. Client assertions and DPoP proofs carry `iat`/`nbf`/`exp`, judged by HelseID's
// clock; a laptop a few minutes off gets every token refused. The HTTP `Date` header of HelseID's own
// answers tells us its time (to the second); when ours differs by more than a few seconds we sign with
// the server's time instead.

/** Below this difference, clocks are taken to agree (the header has 1 s resolution, plus latency). */
const SKEW_THRESHOLD_MS = 5_000;

export class ServerClock {
  private offsetMs = 0;

  constructor(private readonly localNow: () => number = Date.now) {}

  /** Seconds since the epoch, as the server sees it. */
  nowSeconds(): number {
    return Math.floor((this.localNow() + this.offsetMs) / 1000);
  }

  /** The offset learned so far, in whole seconds (for the CLI summary). */
  get skewSeconds(): number {
    return Math.round(this.offsetMs / 1000);
  }

  learnFrom(response: Response): void {
    const header = response.headers.get('date');
    if (!header) return;
    const serverMs = Date.parse(header);
    if (Number.isNaN(serverMs)) return;
    const diff = serverMs - this.localNow();
    this.offsetMs = Math.abs(diff) > SKEW_THRESHOLD_MS ? diff : 0;
  }
}
