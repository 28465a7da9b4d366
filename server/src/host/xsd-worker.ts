// The libxml2 worker thread: compiled schema sets live here, so a 20 MB validation never blocks
// the language server's hover and completion. Bundled as ESM (dist/xsd-worker.mjs) because
// libxml2-wasm is an ES module with top-level await.

import { parentPort } from 'node:worker_threads';
import { LibxmlXsdService } from '../engine/xsd/libxml';
import type { SchemaFiles } from '../engine/xsd/service';

export type WorkerRequest =
  | { id: number; op: 'compile'; key: string; schema?: SchemaFiles }
  | { id: number; op: 'validate'; key: string; schema?: SchemaFiles; text: string | Uint8Array; url: string; roots?: string[] }
  | { id: number; op: 'invalidate'; paths?: string[] };

/** `ready` (id 0) is sent once libxml2 is loaded, so the client learns what a fresh worker costs. */
export type WorkerResponse = { id: number; ready?: boolean; needSchema?: boolean; result?: unknown; error?: string };

const service = new LibxmlXsdService();

parentPort!.on('message', (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    if (req.op === 'invalidate') {
      service.invalidateNow(req.paths);
      res = { id: req.id, result: true };
    } else if (!req.schema && !service.isCompiled(req.key)) {
      res = { id: req.id, needSchema: true };
    } else if (req.op === 'compile') {
      res = { id: req.id, result: service.compileNow(req.key, req.schema ?? { entry: '', files: {} }) };
    } else {
      res = { id: req.id, result: service.validateNow(req.key, req.schema, req.text, req.url, req.roots) };
    }
  } catch (err) {
    res = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(res);
});

parentPort!.postMessage({ id: 0, ready: true } satisfies WorkerResponse);
