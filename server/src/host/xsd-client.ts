// XsdService backed by the libxml2 worker thread (dist/xsd-worker.mjs). Requests run one at a time;
// a validation whose analysis was superseded (its AbortSignal fired) while queued is never sent.
// A crashed worker is replaced on the next request.

import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CompileResult, SchemaFiles, ValidateOptions, ValidateResult, XsdService } from '../engine/xsd/service';
import type { WorkerRequest, WorkerResponse } from './xsd-worker';

type Job = { send: (id: number, withSchema: boolean) => Promise<WorkerRequest>; signal?: AbortSignal; resolve: (v: unknown) => void; reject: (e: Error) => void };

export class AbortedError extends Error {}

export class WorkerXsdService implements XsdService {
  private worker?: Worker;
  private nextId = 1;
  private readonly queue: Job[] = [];
  private running = false;
  private readonly waiting = new Map<number, (r: WorkerResponse) => void>();

  constructor(private readonly script = path.join(__dirname, 'xsd-worker.mjs')) {}

  compile(key: string, files: () => SchemaFiles | Promise<SchemaFiles>): Promise<CompileResult> {
    return this.enqueue(async (id, withSchema) => ({ id, op: 'compile', key, schema: withSchema ? await files() : undefined })) as Promise<CompileResult>;
  }

  validate(key: string, files: () => SchemaFiles | Promise<SchemaFiles>, text: string, url: string, options: ValidateOptions = {}): Promise<ValidateResult> {
    return this.enqueue(async (id, withSchema) => ({ id, op: 'validate', key, schema: withSchema ? await files() : undefined, text, url, roots: options.roots }), options.signal) as Promise<ValidateResult>;
  }

  async invalidate(paths?: string[]): Promise<void> {
    if (this.worker) await this.enqueue(async (id) => ({ id, op: 'invalidate', paths }));
  }

  async dispose(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private enqueue(send: Job['send'], signal?: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ send, signal, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Referenced only while working, so an idle worker never keeps the CLI alive.
    this.worker?.ref();
    try {
      for (let job; (job = this.queue.shift()); ) {
        if (job.signal?.aborted) {
          job.reject(new AbortedError('superseded'));
          continue;
        }
        try {
          let res = await this.request(await job.send(this.nextId++, false));
          if (res.needSchema) res = await this.request(await job.send(this.nextId++, true));
          if (res.error) job.reject(new Error(res.error));
          else job.resolve(res.result);
        } catch (err) {
          job.reject(err instanceof Error ? err : new Error(String(err)));
        }
      }
    } finally {
      this.running = false;
      this.worker?.unref();
    }
  }

  private request(req: WorkerRequest): Promise<WorkerResponse> {
    const worker = this.ensureWorker();
    return new Promise((resolve) => {
      this.waiting.set(req.id, resolve);
      worker.postMessage(req);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (res: WorkerResponse) => {
      const w = this.waiting.get(res.id);
      this.waiting.delete(res.id);
      w?.(res);
    });
    const fail = (message: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, w] of this.waiting) w({ id, error: message });
      this.waiting.clear();
    };
    worker.on('error', (err) => fail(`XSD worker failed: ${err.message}`));
    worker.on('exit', (code) => fail(`XSD worker exited (${code})`));
    this.worker = worker;
    return worker;
  }
}
