// Hover on a base64 payload (KITH Base64Container): what is inside, since no one can read base64 —
// its kind and size, the root element and every namespace with its catalog status. The findings
// inside are already in the diagnostics (embedded/check.ts); this says what they are about.

import { base64Of, BASE64_NS, decodeText } from './check';
import { namespaceInfo, namespaceLabel } from '../namespaces/catalog';
import { statusText } from '../namespaces/messages';
import type { AnalysisContext, AnalyzedDocument, Participant } from '../core/types';
import { elementAt, elements, isXmlDocument, parseXml, xmlOf } from '../xml/parse';
import { embeddedMessages, type EmbeddedMessage } from './messages';

function hover(doc: AnalyzedDocument, offset: number, ctx: AnalysisContext): string | undefined {
  const el = elementAt(xmlOf(doc).root, offset);
  if (!el || el.local !== 'Base64Container' || el.ns !== BASE64_NS || offset < el.startTagEnd || offset > el.endTagStart) return undefined;
  const b64 = base64Of(el);
  const payload = b64 && decodeText(b64.chars);
  if (!payload) return undefined;
  const lang = ctx.language;
  const word = (key: EmbeddedMessage) => embeddedMessages.text(lang, key);
  const isXml = payload.languageId === 'xml';
  const lines = [
    `**${word('title')}**: ${word(isXml ? 'xml' : 'json')}, ${payload.bytes.length.toLocaleString('nb-NO')} ${word('bytes')} (${payload.utf8 ? 'UTF-8' : 'ISO-8859-1'})`,
  ];
  if (isXml) {
    const root = parseXml(payload.text).root;
    if (root) {
      lines.push('', `- ${word('root')}: \`${root.name}\`${root.ns && namespaceInfo(root.ns) ? ` (${namespaceLabel(root.ns)})` : ''}`);
      const namespaces = [
        ...new Set(
          elements(root)
            .map((e) => e.ns)
            .filter((ns): ns is string => !!ns),
        ),
      ];
      const described = namespaces.map((ns) => {
        const info = namespaceInfo(ns);
        return info ? `${namespaceLabel(ns)}${info.status === 'current' ? '' : ` — ${statusText(info.status, lang)}`}` : `\`${ns}\``;
      });
      if (described.length) lines.push(`- ${word('namespaces')}: ${described.join('; ')}`);
    }
  }
  lines.push('', word('checked'));
  return lines.join('\n');
}

export const embeddedParticipant: Participant = {
  name: 'embedded',
  appliesTo: (doc) => isXmlDocument(doc) && doc.text.includes('Base64Container'),
  hover,
};
