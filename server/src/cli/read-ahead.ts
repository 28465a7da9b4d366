// Reads the walked files ahead of the analysis, several at a time, and hands them over in walk order:
// the disk (or the page cache, through libuv's thread pool) works while the main thread analyses.
// Files above the size limit are not read at all, and only regular files are read (host/read-file.ts).

import { readRegularFile, type FileRead } from '../../../shared/read-file';

export type ReadResult = FileRead;

/** The whole file, its size when above `maxBytes`, or why not (a FIFO or a device is never read). Never rejects. */
export function readBounded(file: string, maxBytes: number): Promise<ReadResult> {
  return readRegularFile(file, maxBytes);
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
