// A schema set: the transitive closure of the schemas a document needs, with every
// xs:import/xs:include pointed at the file the index resolved, ready to hand to libxml2.
//
// - A relative schemaLocation that exists is honoured; a broken one (real e-resept files point at
//   `../felles/kith.xsd` and `../../../../kith/src/main/resources/kith.xsd`) is resolved by namespace
//   (imports) or by file name within the namespace (includes).
// - http(s) locations are resolved by namespace; only when downloads are allowed is an unresolved one
//   fetched into the verified cache (schema-index.ts, downloads.ts), else dropped.
// - XSD 1.1 relaxation: schemas marked `vc:minVersion="1.1"` (the e-resept `*-extension-1.xsd` files)
//   use open content, `xs:any` after optional elements, which XSD 1.0 rejects as non-deterministic.
//   We narrow each such wildcard that has no `namespace` attribute to `##other`. Stated effect: foreign
//   elements are still accepted anywhere an `xs:any` stands, but an unknown element in the extension's
//   own namespace is reported, where an XSD 1.1 processor would skip it.

import { basename, isRemote, resolvePath } from './paths';
import type { DownloadProblem, SchemaIndex } from './schema-index';
import { scanSchema, type SchemaReference } from './scan';
import type { SchemaFiles } from './service';
import type { SchemaModel } from './model';

export interface SetProblem {
  /** The schema file with the problem, and the span of the reference. */
  file: string;
  start: number;
  end: number;
  kind: 'unresolved-import' | 'remote-not-fetched' | 'download-failed';
  namespace?: string;
  location?: string;
  /** For download-failed: why. */
  detail?: string;
}

/** An import resolved by namespace where several different files declare it: which won, which did not. */
export interface SetChoice {
  file: string;
  start: number;
  end: number;
  namespace: string;
  used: string;
  others: string[];
}

export interface BuiltSet {
  key: string;
  /** Imports resolved by namespace among several files (said on the schema file, never silently). */
  choices: SetChoice[];
  schema: SchemaFiles;
  problems: SetProblem[];
  /** Files that were rewritten under the XSD 1.1 relaxation. */
  relaxed: string[];
  /** Every targetNamespace the set declares (its roots and everything they import). */
  namespaces: string[];
  /** libxml2 sees each file under a safe virtual path (no spaces or `%` to escape); this maps back. */
  realPath: Record<string, string>;
  /** The navigable model of these files, once asked (see xsd/check.ts). */
  model?: SchemaModel;
}

export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The name libxml2 sees for a real schema path: stable, unique, and free of characters URIs escape. */
export function virtualPath(real: string): string {
  return `/__nhn__/${hash(real)}/${basename(real).replace(/[^\w.-]/g, '_')}`;
}

function isXsd11(minVersion: string | undefined): boolean {
  return !!minVersion && Number(minVersion) >= 1.1;
}

/** Narrow unqualified `xs:any` wildcards to `##other` (see the file comment). */
export function relaxXsd11(text: string): string {
  return text.replace(/<((?:[A-Za-z_][\w.-]*:)?any)\b(?![^<>]*\bnamespace\s*=)/g, '<$1 namespace="##other"');
}

/** `overrides`: unsaved editor text by path (a schema being edited), preferred over the disk. */
export async function buildSchemaSet(
  roots: Array<{ namespace: string; path: string }>,
  index: SchemaIndex,
  overrides: Map<string, string> = new Map(),
): Promise<BuiltSet | undefined> {
  const files: Record<string, string> = {};
  const problems: SetProblem[] = [];
  const choices: SetChoice[] = [];
  const relaxed: string[] = [];
  const realPath: Record<string, string> = {};
  const namespaces = new Set<string>();
  const queue = [...new Set(roots.map((r) => r.path))];
  const seen = new Set<string>(queue);
  while (queue.length) {
    const path = queue.shift()!;
    const text = overrides.get(path) ?? (await index.text(path));
    if (text === undefined) continue;
    const skeleton = overrides.has(path) ? scanSchema(text) : (index.get(path)?.skeleton ?? scanSchema(text));
    namespaces.add(skeleton.targetNamespace ?? '');
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const ref of skeleton.references) {
      const resolved = await resolveReference(ref, path, skeleton.targetNamespace, index);
      const target = typeof resolved === 'string' ? resolved : undefined;
      const failed = typeof resolved === 'object' ? resolved : undefined;
      if (target && ref.kind === 'import' && !(ref.location && !isRemote(ref.location) && resolvePath(path, ref.location) === target)) {
        const mine = await index.text(target);
        const others: string[] = [];
        // Byte-identical copies are no choice; only files that differ are named.
        for (const c of index.candidates(ref.namespace ?? '', path))
          if (c.path !== target && c.path !== path && (await index.text(c.path)) !== mine) others.push(c.path);
        if (others.length)
          choices.push({
            file: path,
            start: ref.locationStart ?? ref.tagNameEnd,
            end: ref.locationEnd ?? ref.tagNameEnd,
            namespace: ref.namespace ?? '',
            used: target,
            others,
          });
      }
      if (target) {
        const v = escapeAttr(virtualPath(target));
        if (ref.locationStart !== undefined) edits.push({ start: ref.locationStart, end: ref.locationEnd!, text: v });
        else edits.push({ start: ref.tagNameEnd, end: ref.tagNameEnd, text: ` schemaLocation="${v}"` });
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      } else {
        if (ref.attrStart !== undefined) edits.push({ start: ref.attrStart, end: ref.attrEnd!, text: '' });
        // An import without a location is legal (the namespace may simply be unused); say so only when a location was given.
        if (ref.location !== undefined) {
          problems.push({
            file: path,
            start: ref.locationStart ?? ref.tagNameEnd,
            end: ref.locationEnd ?? ref.tagNameEnd,
            kind: failed ? 'download-failed' : isRemote(ref.location) ? 'remote-not-fetched' : 'unresolved-import',
            namespace: ref.namespace,
            location: failed?.url ?? ref.location,
            detail: failed && `${failed.kind}: ${failed.detail}`,
          });
        }
      }
    }
    let out = applyEdits(text, edits);
    if (isXsd11(skeleton.minVersion)) {
      const before = out;
      out = relaxXsd11(out);
      if (out !== before) relaxed.push(path);
    }
    files[virtualPath(path)] = out;
    realPath[virtualPath(path)] = path;
  }
  if (!Object.keys(files).length) return undefined;
  const unique = [...new Map(roots.map((r) => [r.path, r])).values()];
  const key = `${index.generation}|${unique.map((r) => `${r.namespace}=${r.path}`).join('|')}`;
  let entry = virtualPath(unique[0].path);
  if (unique.length > 1) {
    // Several root namespaces (a MsgHead and its payloads): a no-namespace driver imports each one.
    entry = `/__nhn__/driver-${hash(key)}.xsd`;
    const imports = unique.map((r) => `  <xs:import namespace="${escapeAttr(r.namespace)}" schemaLocation="${escapeAttr(virtualPath(r.path))}"/>`).join('\n');
    files[entry] = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports}\n</xs:schema>\n`;
  }
  return { key, schema: { entry, files }, problems, choices, relaxed, realPath, namespaces: [...namespaces] };
}

async function resolveReference(
  ref: SchemaReference,
  from: string,
  ownNamespace: string | undefined,
  index: SchemaIndex,
): Promise<string | DownloadProblem | undefined> {
  const namespace = ref.kind === 'import' ? (ref.namespace ?? '') : (ownNamespace ?? '');
  if (ref.location && !isRemote(ref.location)) {
    const path = resolvePath(from, ref.location);
    const text = await index.text(path);
    if (text !== undefined) {
      const ns = index.get(path)?.skeleton.targetNamespace ?? scanSchema(text).targetNamespace;
      // Includes may be chameleons (no targetNamespace); imports must match the namespace they claim.
      if (ref.kind !== 'import' || (ns ?? '') === namespace) return path;
    }
  }
  if (ref.kind === 'import') {
    const found = (await index.resolve(namespace, from)).find((c) => c.path !== from)?.path;
    if (found) return found;
    const remote = ref.location && isRemote(ref.location) ? await index.fetchLocation(ref.location, namespace) : undefined;
    return remote ?? (index.downloadsOn ? await index.downloadProblem(namespace) : undefined);
  }
  if (ref.location)
    return (
      index.byBasename(basename(ref.location), ownNamespace, from)?.path ??
      (isRemote(ref.location) ? await index.fetchLocation(ref.location, ownNamespace) : undefined)
    );
  return undefined;
}

function applyEdits(text: string, edits: Array<{ start: number; end: number; text: string }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
