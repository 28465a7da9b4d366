// Well-formedness of any XML document, schema or not: one finding per parser error, at its exact span.

import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../core/types';
import { isXmlDocument, xmlOf } from './parse';
import { xmlMessage } from './messages';
import type { XmlDocument } from './model';
import { t } from '../core/messages';

/** Errors that do not make the document unusable for the other checks. */
const WARNINGS = new Set(['entity-not-expanded']);

export const xmlWellFormedCheck: Check = {
  name: 'xml-wellformed',
  family: 'xml',
  appliesTo: (doc) => isXmlDocument(doc),
  run(doc: AnalyzedDocument, ctx: AnalysisContext): Finding[] {
    const xml = xmlOf(doc);
    const findings: Finding[] = xml.errors.map((e) => ({
      ruleId: `xml/${e.code}`,
      range: doc.rangeOf(e.start, e.end),
      severity: WARNINGS.has(e.code) ? 'warning' : 'error',
      message: xmlMessage(ctx.language, e.code, ...e.args),
    }));
    const conflict = encodingConflict(doc, xml.declaration);
    if (conflict) findings.push(conflict(ctx));
    if (xml.doctype) {
      findings.push({
        ruleId: 'xml/dtd-not-loaded',
        range: doc.rangeOf(xml.doctype.start, xml.doctype.start + 9),
        severity: 'info',
        message: xmlMessage(ctx.language, 'dtd-not-loaded'),
      });
    }
    return findings;
  },
};

/**
 * A byte-order mark fixes UTF-16; a declaration that names another encoding contradicts it, and libxml2
 * 2.9 (xmllint on most Linux systems) and expat refuse the file. Only a host that read the bytes knows the
 * mark (doc.encoding); an editor's text alone cannot tell. The finding sits on the declared name.
 */
function encodingConflict(doc: AnalyzedDocument, decl: XmlDocument['declaration']): ((ctx: AnalysisContext) => Finding) | undefined {
  if (!doc.encoding || !/^UTF-16/i.test(doc.encoding) || !decl?.encoding || /^(?:UTF-16|UTF-16LE|UTF-16BE|UCS-2)$/i.test(decl.encoding)) return undefined;
  const m = /encoding\s*=\s*["']([^"']*)["']/d.exec(doc.text.slice(decl.start, decl.end));
  if (!m) return undefined;
  const [start, end] = m.indices![1]!.map((i) => decl.start + i);
  const declared = decl.encoding;
  return (ctx) => ({
    ruleId: 'xml/encoding-conflict',
    range: doc.rangeOf(start, end),
    severity: 'error',
    message: xmlMessage(ctx.language, 'encoding-conflict', doc.encoding!, declared),
    fixes: [{ title: t(ctx.language, 'replace-with', 'UTF-16'), edits: [{ range: doc.rangeOf(start, end), newText: 'UTF-16' }], preferred: true }],
  });
}
