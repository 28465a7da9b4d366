// The workspace's indexes (XSDs by namespace, FHIR conformance resources by canonical URL), kept
// current from the host's file events: one call per settled batch updates both, file by file, and says
// what moved so the host revalidates once. The host has already applied its ignore policy.

import type { EngineCaches } from './caches';
import type { EngineHost } from './core/host';
import type { FileChange, IndexStats } from './xsd/schema-index';

export type { FileChange } from './xsd/schema-index';

export interface WorkspaceEffect {
  /** Some schema the index knew or now knows changed: compiled sets are stale, XML documents may bind differently. */
  schemas: boolean;
  /** Some conformance resource changed: FHIR documents may check differently. */
  profiles: boolean;
}

export interface WorkspaceIndexStats {
  schemas: IndexStats;
  /** Absent until a FHIR document with a profile needed the index. */
  profiles?: IndexStats;
}

export async function workspaceFilesChanged(host: EngineHost, caches: EngineCaches, changes: FileChange[]): Promise<WorkspaceEffect> {
  if (!changes.length) return { schemas: false, profiles: false };
  const schemas = await caches.xsd.schemaIndex().update(changes);
  if (schemas) await host.xsd?.invalidate();
  const conformance = caches.fhir.conformance.index;
  const globals = caches.fhir.globals.index;
  const profiles = conformance ? await (await conformance).update(changes) : false;
  const applied = globals ? await (await globals).update(changes) : false;
  if (profiles || applied) caches.fhir.changed();
  return { schemas, profiles: profiles || applied };
}

/** What is ignored changed (a .gitignore), or the roots did: both indexes are built again on next use. */
export async function workspaceReset(caches: EngineCaches): Promise<void> {
  caches.fhir.conformance.key = '';
  caches.fhir.globals.key = '';
  caches.fhir.changed();
  caches.codeLists.clear();
  await caches.xsd.invalidate();
}

export async function workspaceIndexStats(caches: EngineCaches): Promise<WorkspaceIndexStats> {
  const conformance = caches.fhir.conformance.index;
  return { schemas: { ...caches.xsd.schemaIndex().stats }, profiles: conformance ? { ...(await conformance).stats } : undefined };
}
