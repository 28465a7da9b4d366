// Editor-free accessor for the built-in namespace catalog (schemas/namespaces.yaml), compiled into
// the bundle by the build. Answers "what is this namespace, is it current, what replaced it".

import catalog from '../../../../schemas/namespaces.yaml';
import type { NamespaceEntry } from './model';

export type { NamespaceEntry, NamespaceStatus } from './model';

export const NAMESPACES: readonly NamespaceEntry[] = catalog as unknown as NamespaceEntry[];

const byUri = new Map(NAMESPACES.map((e) => [e.uri, e]));

/** An e-resept namespace: `http://www.kith.no/xmlstds/eresept/m96/2009-03-18`, optionally `/extension/N`. */
export const ERESEPT_NAMESPACE = /^https?:\/\/(?:www\.)?(?:kith|ehelse)\.no\/xmlstds\/eresept\/([a-z0-9]+)\/(\d{4}-\d{2}-\d{2})((?:\/extension\/\d+)?)$/;

/**
 * An older version of a catalogued e-resept message that the catalog itself does not list (the NHN
 * schema set has only some historical versions; M9.6 2009-03-18 is in real messages but not in it).
 * Judged by the same rule as the catalog: dated 2010 or earlier → outdated, else superseded.
 */
function derivedEresept(uri: string): NamespaceEntry | undefined {
  const m = ERESEPT_NAMESPACE.exec(uri);
  if (!m) return undefined;
  const [, key, date, ext] = m;
  const versions = NAMESPACES.filter((e) => {
    const x = ERESEPT_NAMESPACE.exec(e.uri);
    return x !== null && x[1] === key && x[3] === ext;
  });
  const newest = versions.find((e) => e.status === 'current');
  if (!newest || date >= newest.version) return undefined;
  return {
    uri,
    standard: 'e-resept',
    message: newest.message,
    version: date,
    status: date <= '2010-12-31' ? 'outdated' : 'superseded',
    successor: newest.uri,
    docs: newest.docs,
    note: 'Not in the NHN schema set; judged by its date against the catalogued versions of the same message.',
  };
}

/** The catalog entry for a namespace URI (as written in xmlns / targetNamespace); older e-resept versions are derived. */
export function namespaceInfo(uri: string): NamespaceEntry | undefined {
  const u = uri.trim();
  return byUri.get(u) ?? derivedEresept(u);
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
