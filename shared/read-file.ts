// The one way the server, the CLI and the client read a file a document, a setting or a config names
// (schemas, catalogs, FHIR packages and profiles, team files, rule files, keys, the documents a scan
// finds): only a regular file, and at most `maxBytes` of it.
//
// Why not fs.readFile: `xsi:schemaLocation="/dev/zero"` made the CLI and the server read 2 GB in 20 s,
// and a FIFO blocks a plain open until some writer comes (forever, holding a libuv thread). Here the
// file is opened with O_NONBLOCK (a FIFO opens at once; a regular file does not care), the open file
// is fstat'ed (so a symlink to /dev/zero is judged by what it points at, and nothing can be swapped in
// between a stat and the open), and only a regular file is read — until EOF but never past
// maxBytes, because /proc files say size 0 and files grow while being read.

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** Default bound for anything read whole: far above any schema, profile, package file or team file. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

// O_NOCTTY: opening a terminal device must not make it this process's controlling terminal.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export type FileRead = { file: string; bytes: Buffer } | { file: string; tooLarge: number } | { file: string; error: FileReadError };

/**
 * A file that was not read. `message` says why in words ("a named pipe (FIFO), not a regular file");
 * `code` is the errno when the system gave one (ENOENT, EACCES), undefined when this module refused.
 */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(file: string, s: Stats): FileReadError {
  return new FileReadError(file, s.isDirectory() ? 'a folder, not a regular file' : `${kindOf(s)}, not a regular file`);
}

function failed(file: string, err: unknown): FileReadError {
  const e = err as NodeJS.ErrnoException;
  const why =
    e.code === 'ENOENT'
      ? 'no such file'
      : e.code === 'EACCES' || e.code === 'EPERM'
        ? 'permission denied'
        : e.code === 'ELOOP'
          ? 'a symbolic link loop'
          : e.message;
  return new FileReadError(file, why, e.code);
}

function tooLarge(file: string, bytes: number, maxBytes: number): FileReadError {
  return new FileReadError(file, `${(bytes / 1048576).toFixed(1)} MB or more, above the limit of ${(maxBytes / 1048576).toFixed(1)} MB`);
}

/** The whole regular file, its size when above `maxBytes`, or why it was not read. Never rejects. */
export async function readRegularFile(file: string, maxBytes = MAX_READ_BYTES): Promise<FileRead> {
  let handle;
  try {
    handle = await open(file, FLAGS);
    const s = await handle.stat();
    if (!s.isFile()) return { file, error: notRegular(file, s) };
    if (s.size > maxBytes) return { file, tooLarge: s.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (let want = Math.max(s.size + 1, 8192); ; want = 64 * 1024) {
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buf, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? buf : buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { file, tooLarge: total };
    }
    return { file, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (err) {
    return { file, error: failed(file, err) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** As readRegularFile, for the few callers that must stay synchronous (a command-line tool's arguments). */
export function readRegularFileSync(file: string, maxBytes = MAX_READ_BYTES): FileRead {
  let fd: number | undefined;
  try {
    fd = openSync(file, FLAGS);
    const s = fstatSync(fd);
    if (!s.isFile()) return { file, error: notRegular(file, s) };
    if (s.size > maxBytes) return { file, tooLarge: s.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (let want = Math.max(s.size + 1, 8192); ; want = 64 * 1024) {
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return { file, tooLarge: total };
    }
    return { file, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (err) {
    return { file, error: failed(file, err) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The bytes, or a FileReadError thrown with a message a person can read: "<file>: <why>". */
export function bytesOf(read: FileRead, maxBytes = MAX_READ_BYTES): Buffer {
  if ('bytes' in read) return read.bytes;
  const why = 'tooLarge' in read ? tooLarge(read.file, read.tooLarge, maxBytes) : read.error;
  throw new FileReadError(read.file, `${read.file}: ${why.message}`, why.code);
}

/** A regular file as UTF-8 text (rule files, keys, configs); throws FileReadError. */
export async function readTextFile(file: string, maxBytes = MAX_READ_BYTES): Promise<string> {
  return bytesOf(await readRegularFile(file, maxBytes), maxBytes).toString('utf8');
}

export function readTextFileSync(file: string, maxBytes = MAX_READ_BYTES): string {
  return bytesOf(readRegularFileSync(file, maxBytes), maxBytes).toString('utf8');
}
