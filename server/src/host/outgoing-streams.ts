// Process output streams (the CLI's stdout and stderr, the server's stderr) through the outgoing-text
// filter: whatever writes to them (a report, a notice, an uncaught error's stack, a worker's output),
// no whole identity number reaches a terminal, a CI log or the editor's output channel.

import { maskIdentityNumbers } from '../engine';

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * Masks identity numbers in everything written to `stream` from now on. Only masking: file paths and
 * JSON are printed whole (values in them are already cut by the engine). Idempotent per stream.
 */
export function guardStream(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string') return write(maskIdentityNumbers(chunk), ...rest);
    if (chunk instanceof Uint8Array) {
      const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
      const masked = maskIdentityNumbers(text);
      return write(masked === text ? chunk : Buffer.from(masked, 'utf8'), ...rest);
    }
    return write(chunk, ...rest);
  }) as NodeJS.WriteStream['write'];
}
