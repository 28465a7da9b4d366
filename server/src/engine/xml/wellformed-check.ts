// Well-formedness of any XML document, schema or not: one finding per parser error, at its exact span.

import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../core/types';
import { isXmlDocument, xmlOf } from './parse';
import { xmlMessage } from './messages';

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
      message: xmlMessage(e.code, e.args, ctx.language),
    }));
    if (xml.doctype) {
      findings.push({
        ruleId: 'xml/dtd-not-loaded',
        range: doc.rangeOf(xml.doctype.start, xml.doctype.start + 9),
        severity: 'info',
        message: xmlMessage('dtd-not-loaded', [], ctx.language),
      });
    }
    return findings;
  },
};
