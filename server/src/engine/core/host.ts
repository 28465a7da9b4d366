// What the host process (the language server, the CLI, a test) lends the engine. The engine never
// touches `fs`, threads or the network itself: every file, schema service and download goes through
// this one typed interface. Every member is optional: a host without it gets the feature's plain
// fallback (no schema validation without `xsd`, no FHIR validation without `fhirDefinition`, …).

import type { SchemaDownloader } from '../xsd/downloads';
import type { XsdService } from '../xsd/service';

export interface EngineHost {
  /** A file's text; undefined when it does not exist or cannot be read. */
  readFile?(path: string): Promise<string | undefined>;
  /** A file's bytes, for readers that decode themselves (code lists: Windows-1252 CSV); undefined as for readFile. */
  readBytes?(path: string): Promise<Uint8Array | undefined>;
  /** What is at `path`: a file, a folder, something else, or nothing (undefined). */
  pathKind?(path: string): Promise<'file' | 'folder' | 'other' | undefined>;
  /** Files under `dir` ending in one of `extensions`, recursively (hosts skip .git and node_modules). */
  listFiles?(dir: string, extensions: string[]): Promise<string[]>;
  /** The unsaved text of a file open in the editor, preferred over the disk (the server provides it). */
  openText?(path: string): string | undefined;
  /** The open workspace folders (the CLI: the folders being linted), as paths. */
  workspaceFolders?(): string[];
  /** False in an untrusted workspace: no user folders, catalogs or downloads. Absent means trusted. */
  trusted?(): boolean;
  /** libxml2 (a worker thread in the server and the CLI, in-process in tests). */
  xsd?: XsdService;
  /** Step 4 of schema resolution: the verified download cache (consulted only when downloads are allowed). */
  downloads?: SchemaDownloader;
  /** The text of a generated FHIR R4 definition file (`index.json`, `sd/Patient.json`, …). */
  fhirDefinition?(name: string): Promise<string | undefined>;
  /** The FHIR package cache folder (`~/.fhir/packages`), as the HL7 tools fill it. */
  fhirPackageCache?(): string;
}
