// What the server reads of a file on disk beside the editor's text: the byte-order mark.

import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/**
 * The encoding a file's byte-order mark fixes (`UTF-16LE`, `UTF-16BE`, `UTF-8`), read from its first three
 * bytes: an editor hands the server decoded text, so only the file can tell. Regular files only (a FIFO
 * or device is never opened for reading); undefined on any failure.
 */
export async function bomEncodingOf(file: string): Promise<string | undefined> {
  let handle;
  try {
    // Stat before opening, and open without blocking: opening a FIFO for reading would wait for a writer.
    if (!(await stat(file)).isFile()) return undefined;
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!(await handle.stat()).isFile()) return undefined;
    const head = Buffer.alloc(3);
    const { bytesRead } = await handle.read(head, 0, 3, 0);
    if (bytesRead >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
    if (bytesRead >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'UTF-16BE';
    if (bytesRead === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'UTF-8';
    return undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
