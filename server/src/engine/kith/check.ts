// The `kith` check: KITH message conformance beyond the XSD (issue 16), one module per job under
// checks/. Runs on XML documents in a KITH namespace (and ebXML/CPA); the code lists come from the
// engine instance's caches (ctx.caches.codeLists), never from this module.

import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../core/types';
import type { Rule } from '../rules/model';
import { elements, isXmlDocument, xmlOf, type XmlElement } from '../xml/parse';
import { KITH_ELEMENTS } from './builtin';
import { ExpectationIndex } from './coded';
import { reporter, type KithRun } from './report';
import { checkCodedValue } from './checks/coded-values';
import { checkIdentifier } from './checks/identifiers';
import { checkMsgHead } from './checks/msghead';
import { checkAppRec } from './checks/apprec';
import { checkEbxmlParty, isHeaderFrom } from './checks/ebxml';
import { checkTransportSender } from './checks/transport-sender';
import { MessageKinds } from './kinds';

/** Cheap test on the text: a KITH namespace, or an ebXML header or CPA. */
export function looksLikeKith(text: string): boolean {
  return text.includes('kith.no/xmlstds') || text.includes('ehelse.no/xmlstds') || text.includes('ebxml-');
}

export function kithCheck(rules: readonly Rule[]): Check {
  const byId = new Map(rules.filter((r) => r.match.check === 'kith').map((r) => [r.id, r]));
  const expectations = new ExpectationIndex(KITH_ELEMENTS.elements);
  const kinds = new MessageKinds(KITH_ELEMENTS.messages);
  return {
    name: 'kith',
    family: 'kith',
    appliesTo: (doc) => byId.size > 0 && isXmlDocument(doc) && looksLikeKith(doc.text),
    async run(doc: AnalyzedDocument, ctx: AnalysisContext): Promise<Finding[]> {
      const xml = xmlOf(doc);
      if (!xml.root) return [];
      const findings: Finding[] = [];
      const run: KithRun = {
        doc,
        ctx,
        xml,
        store: await ctx.caches.codeLists.storeFor(ctx),
        expectations,
        verdicts: new Map(),
        report: reporter(byId, doc, ctx, findings),
      };
      // One walk over the shared parse; each module gets the elements of its job.
      let n = 0;
      const froms: XmlElement[] = [];
      const heads: XmlElement[] = [];
      // An index loop: `for…of` over every element, run once per analysis, allocated an iterator result per element.
      const all = elements(xml.root);
      for (let i = 0; i < all.length; i++) {
        const el = all[i];
        if ((++n & 4095) === 0 && ctx.signal?.aborted) break;
        checkCodedValue(run, el);
        switch (el.local) {
          case 'Id':
            checkIdentifier(run, el);
            break;
          case 'MsgHead':
            checkMsgHead(run, kinds, el);
            heads.push(el);
            break;
          case 'AppRec':
            checkAppRec(run, kinds, el);
            break;
          case 'From':
          case 'To':
          case 'PartyInfo':
            checkEbxmlParty(run, el);
            if (isHeaderFrom(el)) froms.push(el);
        }
      }
      checkTransportSender(run, froms, heads);
      return findings;
    },
  };
}
