// One way to make an HTTP request with a bounded wait: the caller's signal and a timeout are joined, and
// transport failures become HelseIdErrors a person can act on (network off, timeout) naming only the host.

import { HelseIdError } from './errors';

export interface HttpOptions {
  /** Longest wait for one request, in milliseconds. */
  timeoutMs: number;
  /** The caller's cancellation (the picker closing, a newer query). */
  signal?: AbortSignal;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}

export async function httpRequest(url: string, init: RequestInit, options: HttpOptions): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await fetch(url, { ...init, signal, redirect: 'error' });
  } catch (err) {
    if (options.signal?.aborted) throw options.signal.reason ?? err;
    if (timeout.aborted) {
      throw new HelseIdError('timeout', [hostOf(url), Math.round(options.timeoutMs / 100) / 10]);
    }
    throw new HelseIdError('network', [hostOf(url), transportDetail(err)]);
  }
}

/** Reads a body that should be JSON; a proxy's HTML page or an empty body becomes `undefined`. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function transportDetail(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } })?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return err instanceof Error ? err.message.slice(0, 60) : 'failed';
}
