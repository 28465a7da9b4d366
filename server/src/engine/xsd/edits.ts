// A schema changed in the editor without being saved (or its unsaved edits were dropped): what the host
// calls so instance documents follow the editor's text. Cheap per edit: the file's text and the compiled
// sets that contain it are dropped (rebuilt lazily, 2–30 ms a set); the index is rebuilt only when the
// edit changed the file's targetNamespace (or made it stop being a schema).

import type { EngineHost } from '../core/host';
import type { XsdCaches } from './caches';
import { virtualPath } from './schema-set';

export interface SchemaEditEffect {
  /** The index was rebuilt: any XML document may bind differently now. */
  rebuilt: boolean;
  /** Documents whose last check used the schema (re-validate these; all XML documents when `rebuilt`). */
  dependents: string[];
}

export async function schemaTextChanged(host: EngineHost, caches: XsdCaches, path: string): Promise<SchemaEditEffect> {
  const rebuilt = await caches.schemaIndex().refresh(path);
  await host.xsd?.invalidate(rebuilt ? undefined : [virtualPath(path)]);
  return { rebuilt, dependents: caches.usage.documentsUsing(path) };
}
