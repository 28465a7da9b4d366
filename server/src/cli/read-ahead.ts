// Reads the walked files ahead of the analysis, several at a time, and hands them over in walk order:
// the disk (or the page cache, through libuv's thread pool) works while the main thread analyses.
// Files above the size limit are not read at all: their size comes from the same open file's fstat.

import { close, fstat, open, read } from 'node:fs';

export type ReadResult = { file: string; bytes: Buffer } | { file: string; tooLarge: number } | { file: string; error: NodeJS.ErrnoException };

function call<T>(fn: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));
}

/** The whole file, or its size when it is above `maxBytes`. Never rejects. */
export async function readBounded(file: string, maxBytes: number): Promise<ReadResult> {
  let fd: number | undefined;
  try {
    fd = await call<number>((cb) => open(file, 'r', cb));
    const { size } = await call<{ size: number }>((cb) => fstat(fd!, cb));
    if (size > maxBytes) return { file, tooLarge: size };
    const chunks: Buffer[] = [];
    let total = 0;
    // Read until EOF rather than trusting the size: files that grow or shrink meanwhile, and /proc-like files.
    for (let want = Math.max(size + 1, 8192); ; want = 64 * 1024) {
      const buf = Buffer.allocUnsafe(want);
      const n = await call<number>((cb) => read(fd!, buf, 0, want, null, cb));
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return { file, tooLarge: total };
    }
    return { file, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (err) {
    return { file, error: err as NodeJS.ErrnoException };
  } finally {
    if (fd !== undefined) close(fd, () => undefined);
  }
}

/** Up to `concurrency` reads in flight; results in the order of `files`. */
export async function* readAhead(files: AsyncIterable<string>, maxBytes: number, concurrency = 16): AsyncGenerator<ReadResult> {
  const queue: Promise<ReadResult>[] = [];
  const it = files[Symbol.asyncIterator]();
  let done = false;
  const fill = async () => {
    while (!done && queue.length < concurrency) {
      const next = await it.next();
      if (next.done) done = true;
      else queue.push(readBounded(next.value, maxBytes));
    }
  };
  await fill();
  while (queue.length) {
    const result = await queue.shift()!;
    await fill();
    yield result;
  }
}
