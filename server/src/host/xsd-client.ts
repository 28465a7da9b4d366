// XsdService backed by the libxml2 worker thread (dist/xsd-worker.mjs). Requests run one at a time.
//
// Superseded validations (their AbortSignal fired) are dropped before they start. One superseded while
// libxml2 runs it releases its caller at once (AbortedError) and is left running while nobody needs the
// worker: a worker that finishes stays warm (a fresh one's first multi-MB validation is ~1.5× slower, as
// its wasm memory grows from nothing), and the next version of the same big document usually reaches the
// worker only after the debounce and the main thread's own checks. When another request is waiting and
// finishing would cost more than starting over (./xsd-interrupt.ts decides from costs learned as it runs),
// the worker thread is terminated and a fresh one started; compiled sets are rebuilt lazily from the
// `files` callback (2–30 ms each), and the waiting requests go to the new worker.
// A worker that dies (a crash, an uncaught error, killed from outside) rejects the request it was running
// with an error and is replaced on the next request. (No `resourceLimits` on the worker: in Node 20 a
// worker reaching its heap limit while growing wasm memory or receiving a big message aborts the whole
// process, not only the thread.)

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { CompileResult, SchemaFiles, ValidateOptions, ValidateResult, XsdService } from '../engine/xsd/service';
import { InterruptPolicy } from './xsd-interrupt';
import type { WorkerRequest, WorkerResponse } from './xsd-worker';

type Job = {
  send: (id: number, withSchema: boolean) => Promise<WorkerRequest>;
  signal?: AbortSignal;
  /** Characters of document text the job sends (0 for compile and invalidate). */
  size: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
};

/** A superseded validation the worker is still running: interrupted when someone waits and it pays. */
interface Draining {
  thread: Thread;
  id: number;
  size: number;
  started: number;
  timer?: NodeJS.Timeout;
}

/** One worker thread and the requests it has not answered yet. */
interface Thread {
  worker: Worker;
  waiting: Map<number, (r: WorkerResponse) => void>;
}

export class AbortedError extends Error {}

const encoder = new TextEncoder();

export class WorkerXsdService implements XsdService {
  private thread?: Thread;
  private nextId = 1;
  private readonly queue: Job[] = [];
  private running = false;
  private draining?: Draining;
  /** Worker threads started so far, and validations interrupted by terminating one (for tests and the bench). */
  readonly stats = { started: 0, interrupted: 0 };

  constructor(
    private readonly script = path.join(__dirname, 'xsd-worker.mjs'),
    readonly policy = new InterruptPolicy(),
  ) {}

  compile(key: string, files: () => SchemaFiles | Promise<SchemaFiles>): Promise<CompileResult> {
    return this.enqueue(async (id, withSchema) => ({ id, op: 'compile', key, schema: withSchema ? await files() : undefined }), 0) as Promise<CompileResult>;
  }

  validate(key: string, files: () => SchemaFiles | Promise<SchemaFiles>, text: string, url: string, options: ValidateOptions = {}): Promise<ValidateResult> {
    // The text goes as UTF-8 bytes whose buffer is transferred, not copied: libxml2 parses bytes anyway,
    // and a 20 MB string would otherwise be cloned into the worker and encoded again there.
    return this.enqueue(
      async (id, withSchema) => ({
        id,
        op: 'validate',
        key,
        schema: withSchema ? await files() : undefined,
        text: encoder.encode(text),
        url,
        roots: options.roots,
      }),
      text.length,
      options.signal,
    ) as Promise<ValidateResult>;
  }

  async invalidate(paths?: string[]): Promise<void> {
    if (this.thread) await this.enqueue(async (id) => ({ id, op: 'invalidate', paths }), 0);
  }

  /** Whether a worker thread is alive (tests check that none leaks). */
  get alive(): boolean {
    return !!this.thread;
  }

  /** Whether the worker is working on a request now. */
  get busy(): boolean {
    return !!this.thread?.waiting.size;
  }

  async dispose(): Promise<void> {
    clearTimeout(this.draining?.timer);
    this.draining = undefined;
    const thread = this.thread;
    this.thread = undefined;
    await thread?.worker.terminate();
  }

  private enqueue(send: Job['send'], size: number, signal?: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ send, signal, size, resolve, reject });
      this.considerInterrupt();
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Referenced only while working, so an idle worker never keeps the CLI alive.
    this.thread?.worker.ref();
    try {
      for (let job; (job = this.queue.shift()); ) {
        try {
          let res = await this.request(await this.prepare(job, false), job);
          if (res.needSchema) res = await this.request(await this.prepare(job, true), job);
          // A stale run that finished still tells how fast libxml2 is here.
          if (job.size && !res.error && !res.needSchema) this.policy.recordValidation(job.size, (res.result as ValidateResult).ms);
          if (job.signal?.aborted) throw new AbortedError('superseded');
          if (res.error) throw new Error(res.error);
          job.resolve(res.result);
        } catch (err) {
          job.reject(err instanceof Error ? err : new Error(String(err)));
        }
      }
    } finally {
      this.running = false;
      this.thread?.worker.unref();
    }
  }

  /** The job's next request, unless it was superseded before it could be sent. */
  private async prepare(job: Job, withSchema: boolean): Promise<WorkerRequest> {
    if (job.signal?.aborted) throw new AbortedError('superseded');
    const req = await job.send(this.nextId++, withSchema);
    if (job.signal?.aborted) throw new AbortedError('superseded');
    return req;
  }

  /**
   * Sends one request and resolves when the worker is free again (its answer, or its thread interrupted).
   * When the job is superseded meanwhile, its caller is released at once with AbortedError.
   */
  private request(req: WorkerRequest, job: Job): Promise<WorkerResponse> {
    const thread = this.ensureThread();
    const started = performance.now();
    return new Promise((resolve) => {
      const onAbort = () => {
        job.reject(new AbortedError('superseded while running'));
        this.draining = { thread, id: req.id, size: job.size, started };
        this.considerInterrupt();
      };
      thread.waiting.set(req.id, (res) => {
        if (this.draining?.id === req.id) {
          clearTimeout(this.draining.timer);
          this.draining = undefined;
        }
        job.signal?.removeEventListener('abort', onAbort);
        resolve(res);
      });
      job.signal?.addEventListener('abort', onAbort, { once: true });
      thread.worker.postMessage(req, req.op === 'validate' && req.text instanceof Uint8Array ? [req.text.buffer as ArrayBuffer] : []);
    });
  }

  /** A request waits behind a superseded validation: interrupt it now, later (if it overruns), or never. */
  private considerInterrupt(): void {
    const d = this.draining;
    if (!d || d.timer || !this.queue.length) return;
    const wait = this.policy.delay(d.size, performance.now() - d.started);
    if (wait <= 0) this.interrupt(d);
    else if (Number.isFinite(wait)) d.timer = setTimeout(() => this.interrupt(d), wait);
  }

  private interrupt(d: Draining): void {
    const answer = d.thread.waiting.get(d.id);
    if (this.draining !== d || !answer) return;
    d.thread.waiting.delete(d.id);
    this.draining = undefined;
    this.stats.interrupted++;
    this.replace(d.thread);
    answer({ id: d.id, error: 'interrupted' });
  }

  /** Terminates `thread` and starts its successor now, for the requests waiting. */
  private replace(thread: Thread): void {
    if (this.thread === thread) this.thread = undefined;
    void thread.worker.terminate();
    this.ensureThread();
  }

  private ensureThread(): Thread {
    if (this.thread) return this.thread;
    const worker = new Worker(this.script);
    const thread: Thread = { worker, waiting: new Map() };
    const spawned = performance.now();
    this.stats.started++;
    if (!this.running) worker.unref();
    worker.on('message', (res: WorkerResponse) => {
      if (res.ready) return this.policy.recordStartup(performance.now() - spawned);
      const w = thread.waiting.get(res.id);
      thread.waiting.delete(res.id);
      w?.(res);
    });
    const fail = (message: string) => {
      if (this.thread === thread) this.thread = undefined;
      for (const [id, w] of thread.waiting) w({ id, error: message });
      thread.waiting.clear();
    };
    worker.on('error', (err) => fail(`XSD worker failed: ${err.message}`));
    worker.on('exit', (code) => fail(`XSD worker exited (${code})`));
    this.thread = thread;
    return thread;
  }
}
