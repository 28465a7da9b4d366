// The engine's host in a Node process (server or CLI): files, the libxml2 worker, the schema download
// cache and the generated FHIR definitions. Checks never import `fs`; they ask through this host, so
// tests can pass their own. The server adds the editor's parts (workspace folders, trust, open texts).

import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { EngineHost } from '../engine';
import { decode } from './decode';
import { readRegularFile } from '../../../shared/read-file';
import { WorkspaceFiles } from './workspace-files';
import { WorkerXsdService } from './xsd-client';
import { SchemaCache } from './schema-cache';

/** The Node host's parts; `downloads` is always a cache (the server swaps it for the editor's storage folder). */
export type NodeHost = EngineHost &
  Required<Pick<EngineHost, 'xsd' | 'readFile' | 'readBytes' | 'pathKind' | 'listFiles' | 'fhirDefinition' | 'fhirPackageCache'>> & {
    downloads: SchemaCache;
    workspaceFiles: WorkspaceFiles;
  };

/**
 * `workspaceFolders`: the folders whose listing is walked once and kept (shared by the XSD and FHIR
 * indexes, kept current by file events through `workspaceFiles.apply`); other folders are walked when asked.
 */
export function createHost(options: { cacheDir?: string; workspaceFolders?: () => string[] } = {}): NodeHost {
  const workspaceFiles = new WorkspaceFiles(options.workspaceFolders ?? (() => []));
  return {
    workspaceFiles,
    // libxml2 in a worker thread, started on the first XML document that has a schema.
    xsd: new WorkerXsdService(),
    // The verified schema download cache; the engine asks it only when downloads are allowed.
    downloads: new SchemaCache(options.cacheDir),
    // Schemas, catalogs, FHIR packages and profiles, whatever a document or a setting names: only a
    // regular file, bounded (xsi:schemaLocation="/dev/zero" must not read forever). Decoded as the
    // file's XML declaration says (KITH schemas are often ISO-8859-1).
    async readFile(path: string) {
      const read = await readRegularFile(path);
      return 'bytes' in read ? decode(read.bytes).text : undefined;
    },
    // Code lists decode themselves (a Volven CSV saved by Excel is Windows-1252, with no declaration to say so).
    async readBytes(path: string) {
      const read = await readRegularFile(path);
      return 'bytes' in read ? read.bytes : undefined;
    },
    async pathKind(path: string) {
      try {
        const s = await stat(path);
        return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
      } catch {
        return undefined;
      }
    },
    listFiles: (dir, extensions) => workspaceFiles.list(dir, extensions),
    fhirDefinition: fhirDefinitionReader(),
    // The FHIR package cache (~/.fhir/packages/<id>#<version>/package/), as the HL7 tools fill it.
    fhirPackageCache: () => path.join(process.env.FHIR_PACKAGE_CACHE ?? path.join(homedir(), '.fhir'), 'packages'),
  };
}

/** The FHIR R4 definitions the build generated: beside the bundle (dist/), or dist/ when run from source. */
function fhirDefinitionReader(): (name: string) => Promise<string | undefined> {
  const dir = [path.join(__dirname, 'fhir-r4'), path.resolve(__dirname, '../../../dist/fhir-r4')].find((d) => existsSync(path.join(d, 'index.json')));
  return async (name: string) => {
    if (!dir || name.includes('..')) return undefined;
    const read = await readRegularFile(path.join(dir, name));
    return 'bytes' in read ? read.bytes.toString('utf8') : undefined;
  };
}
