// Messages inside messages: a KITH `Base64Container` (a MsgHead's RefDoc/Content) often carries a whole
// XML message, base64-encoded (an M96 forwarding the M1 it answers, test messages with attachments).
// Retired namespaces, message types and identity numbers hide there from every text search. This check
// decodes each container whose content is text (XML or JSON, UTF-8 or an XML-declared ISO-8859-1), runs
// the other checks on it as its own document, and reports their findings on the outer file at the
// base64 characters that encode them. Edits are not offered there (they would have to re-encode the
// payload); links and rule stories are.

import { analyze } from '../core/analyze';
import { analyzed } from '../core/document';
import { t } from '../core/messages';
import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../core/types';
import { elements, isXmlDocument, xmlOf, type XmlElement } from '../xml/parse';
import { Commands } from '../../../../shared/protocol';

export const BASE64_NS = 'http://www.kith.no/xmlstds/base64container';
/** Larger payloads are left alone: the outer file's own size limit is the real bound. */
const MAX_BASE64_CHARS = 8 * 1024 * 1024;
/** Findings reported per container; past this, one notice. */
const MAX_FINDINGS = 500;

/** The base64 characters of a container without whitespace or comments, and where each one stands in the file. */
export function base64Of(el: XmlElement): { chars: string; at: Int32Array } | undefined {
  let length = 0;
  for (const c of el.children) if (c.kind === 'text' || c.kind === 'cdata') length += c.end - c.start;
  if (length === 0 || length > MAX_BASE64_CHARS) return undefined;
  const at = new Int32Array(length);
  const out: string[] = [];
  let n = 0;
  for (const c of el.children) {
    if (c.kind !== 'text' && c.kind !== 'cdata') continue;
    // Text nodes hold decoded text; base64 has no references, so value offsets are source offsets.
    const base = c.kind === 'cdata' ? c.start + 9 : c.start;
    for (let i = 0; i < c.value.length; i++) {
      const ch = c.value.charCodeAt(i);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13) continue;
      at[n++] = base + i;
      out.push(c.value[i]);
    }
  }
  const chars = out.join('');
  return /^[A-Za-z0-9+/]*={0,2}$/.test(chars) && chars.length % 4 === 0 ? { chars, at: at.subarray(0, n) } : undefined;
}

/** Decoded text when the payload is an XML or JSON document, else undefined (PDF, images, …). */
export function decodeText(chars: string): { text: string; bytes: Uint8Array; utf8: boolean; languageId: 'xml' | 'json' } | undefined {
  // The first bytes decide (after a BOM and whitespace): a megabyte PDF attachment is not decoded on every keystroke.
  const first = /^(?:\s|\u00EF\u00BB\u00BF)*([<{[])/.exec(atob(chars.slice(0, 64)))?.[1];
  if (!first) return undefined;
  const languageId = first === '<' ? 'xml' : 'json';
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(chars), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes, utf8: true, languageId };
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    if (!/^\s*<\?xml[^>]*encoding\s*=\s*["'](iso-8859-1|latin-?1|windows-1252)["']/i.test(head)) return undefined;
    return { text: new TextDecoder('latin1').decode(bytes), bytes, utf8: false, languageId };
  }
}

/** UTF-16 offset in the decoded text → byte offset in the payload. */
function byteOffset(text: string, offset: number, utf8: boolean): number {
  if (!utf8) return offset;
  let bytes = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function embeddedCheck(inner: readonly Check[]): Check {
  return {
    name: 'embedded',
    family: 'xml',
    appliesTo: (doc) => isXmlDocument(doc) && doc.text.includes('Base64Container'),
    async run(doc: AnalyzedDocument, ctx: AnalysisContext): Promise<Finding[]> {
      const findings: Finding[] = [];
      let n = 0;
      const all = elements(xmlOf(doc).root);
      const outerNamespaces = new Set(all.map((e) => e.ns ?? ''));
      for (const el of all) {
        if (el.local !== 'Base64Container' || el.ns !== BASE64_NS) continue;
        if (ctx.signal?.aborted) break;
        const b64 = base64Of(el);
        const payload = b64 && decodeText(b64.chars);
        if (!b64 || !payload) continue;
        n++;
        // A name of its own (the XML parse is cached by name), beside the outer file (relative schemaLocations).
        const innerDoc = analyzed({ uri: `${doc.uri}.base64-${n}.${payload.languageId}`, languageId: payload.languageId, text: payload.text });
        const result = await analyze(innerDoc, ctx, inner);
        const label = t(ctx.language, 'in-base64-payload');
        const map = (offset: number, end: boolean) => {
          const byte = byteOffset(payload.text, offset, payload.utf8);
          const index = end ? Math.ceil(byte / 3) * 4 : Math.floor(byte / 3) * 4;
          const i = Math.min(Math.max(index - (end ? 1 : 0), 0), b64.at.length - 1);
          return b64.at[i] + (end ? 1 : 0);
        };
        let count = 0;
        for (const f of result.findings) {
          // "No XSD for MsgHead" inside a MsgHead says again what the outer file's notice said (or would not apply).
          if (f.ruleId === 'xsd/no-schema' && outerNamespaces.has(String(f.data?.namespace))) continue;
          if (++count > MAX_FINDINGS) {
            findings.push({
              ruleId: 'xml/embedded-limit',
              severity: 'info',
              message: t(ctx.language, 'embedded-limit', MAX_FINDINGS),
              range: doc.rangeOf(el.nameStart, el.nameEnd),
            });
            break;
          }
          const start = map(innerDoc.offsetAt(f.range.start), false);
          const end = Math.max(start + 1, map(innerDoc.offsetAt(f.range.end), true));
          findings.push({
            ruleId: f.ruleId,
            severity: f.severity,
            message: `${label}: ${f.message}`,
            range: doc.rangeOf(start, end),
            tags: f.tags,
            source: f.source,
            // Links and client commands that do not edit this text stay; edits would need re-encoding.
            fixes: f.fixes?.filter((x) => !x.edits?.length && x.command?.command !== Commands.insertTestPerson),
            data: { embedded: n, hoverDetail: f.data?.hoverDetail },
          });
        }
      }
      return findings;
    },
  };
}
