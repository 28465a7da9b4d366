// Watched-file events, coalesced: a storm of one-file notifications becomes one batch once the events
// settle (or at the latest FILE_EVENTS_MAX_WAIT_MS after the first of them), and batches never overlap.
// Per batch the host's file list and the indexes are updated file by file and the open documents are
// revalidated once, instead of one index rebuild and one revalidation per notification.

import type { FileEvent, FileEventKind } from '../host/workspace-files';

/** Quiet time after the last event before the batch is applied. */
export const FILE_EVENTS_SETTLE_MS = 100;
/** A steady trickle of events still gets applied this often. */
export const FILE_EVENTS_MAX_WAIT_MS = 1000;

/** Two events for one file in a batch: what the batch means for it. */
function merge(before: FileEventKind | undefined, after: FileEventKind): FileEventKind {
  if (before === 'created' && after === 'changed') return 'created';
  if (before === 'deleted' && after === 'created') return 'changed';
  return after;
}

export class FileEvents {
  private readonly pending = new Map<string, FileEventKind>();
  private timer?: NodeJS.Timeout;
  private firstAt = 0;
  private chain: Promise<void> = Promise.resolve();
  /** Counters for the tests: notifications' file events received, batches applied. */
  events = 0;
  batches = 0;

  constructor(
    private readonly apply: (events: FileEvent[]) => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {}

  push(events: FileEvent[]): void {
    for (const e of events) this.pending.set(e.path, merge(this.pending.get(e.path), e.kind));
    this.events += events.length;
    const now = Date.now();
    if (!this.timer) this.firstAt = now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(FILE_EVENTS_SETTLE_MS, this.firstAt + FILE_EVENTS_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Resolves when every batch received so far has been applied. */
  async idle(): Promise<void> {
    for (;;) {
      // Events still settling: wait on the clock (awaiting only promises here would starve the timer).
      if (this.timer) await new Promise((r) => setTimeout(r, FILE_EVENTS_SETTLE_MS / 2));
      const c = this.chain;
      await c;
      if (c === this.chain && !this.timer) return;
    }
  }

  private flush(): void {
    this.timer = undefined;
    const batch = [...this.pending].map(([path, kind]) => ({ path, kind }));
    this.pending.clear();
    if (!batch.length) return;
    this.batches++;
    this.chain = this.chain.then(() => this.apply(batch)).catch(this.onError);
  }
}
