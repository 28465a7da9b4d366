// Reading a workspace file from the client: a file on disk goes through the one bounded read of the
// project (server/src/host/read-file.ts: regular files only, never a FIFO or a device, at most
// `maxBytes`); a file of a virtual workspace must be a File of at most `maxBytes` by its stat.

import * as vscode from 'vscode';
import { bytesOf, readRegularFile } from '../../shared/read-file';

export async function readWorkspaceFile(uri: vscode.Uri, maxBytes: number): Promise<Uint8Array> {
  if (uri.scheme === 'file') return bytesOf(await readRegularFile(uri.fsPath, maxBytes), maxBytes);
  const stat = await vscode.workspace.fs.stat(uri);
  if (!(stat.type & vscode.FileType.File)) throw new Error(`${uri.path}: not a regular file`);
  if (stat.size > maxBytes) throw new Error(`${uri.path}: ${(stat.size / 1048576).toFixed(1)} MB, above the limit of ${(maxBytes / 1048576).toFixed(1)} MB`);
  return vscode.workspace.fs.readFile(uri);
}
