// Editor-free accessor for the built-in namespace catalog (schemas/namespaces.yaml), compiled into
// the bundle by the build. Answers "what is this namespace, is it current, what replaced it".

import catalog from '../../../schemas/namespaces.yaml';
import type { NamespaceEntry } from './namespace-catalog/model';

export type { NamespaceEntry, NamespaceStatus } from './namespace-catalog/model';

export const NAMESPACES: readonly NamespaceEntry[] = catalog as unknown as NamespaceEntry[];

const byUri = new Map(NAMESPACES.map((e) => [e.uri, e]));

/** The catalog entry for a namespace URI (exact match, as written in xmlns / targetNamespace). */
export function namespaceInfo(uri: string): NamespaceEntry | undefined {
  return byUri.get(uri.trim());
}

/** How people name a namespace: `Dialogmelding 1.1`, `e-resept M1 Resept 2013-10-08`; the URI itself when unknown. */
export function namespaceLabel(uri: string): string {
  const e = namespaceInfo(uri);
  if (!e) return uri;
  return e.standard === 'e-resept' ? `e-resept ${e.message} ${e.version}` : `${e.message} ${e.version}`;
}

/** The newest namespace of the same message, when this one is not current. */
export function successorOf(uri: string): NamespaceEntry | undefined {
  const s = namespaceInfo(uri)?.successor;
  return s ? namespaceInfo(s) : undefined;
}

/** Every version of the message this namespace belongs to, oldest first. */
export function versionsOf(uri: string): NamespaceEntry[] {
  const e = namespaceInfo(uri);
  if (!e) return [];
  return NAMESPACES.filter((x) => x.standard === e.standard && x.message === e.message).sort((a, b) => a.version.localeCompare(b.version));
}
