// Editor help for KITH coded values: hovering V or S names the list, whether the product holds it whole,
// where it came from and the code's meaning (en and nb where the list has them); inside V="…" the
// codes of the list this element expects are offered, each bringing its DN (and S for a CV element).

import type { AnalysisContext, AnalyzedDocument, Completion, Participant } from '../core/types';
import { elementAt, isXmlDocument, xmlOf, type XmlAttribute } from '../xml/parse';
import { KITH_ELEMENTS } from './builtin';
import { codedValue, ExpectationIndex, judgeLabel, judgingLists, listLabel, looksLikeOid } from './coded';
import { looksLikeKith } from './check';
import { kithMessage } from './messages';
import type { Code } from './model';
import type { CodeListStore } from './store';

const inValue = (a: XmlAttribute | undefined, offset: number) => !!a && offset >= a.valueStart && offset <= a.valueEnd;
const onAttribute = (a: XmlAttribute | undefined, offset: number) => !!a && offset >= a.nameStart && offset <= a.valueEnd;

function codeLine(code: Code, ctx: AnalysisContext): string {
  if (code.en && ctx.language === 'en') return kithMessage('en', 'hover-code-en', code.code, code.en, code.nb);
  return kithMessage(ctx.language, 'hover-code', code.code, ctx.language === 'nb' ? code.nb : (code.en ?? code.nb));
}

function listLines(store: CodeListStore, oid: string, ctx: AnalysisContext, value?: string): string[] {
  const lang = ctx.language;
  const list = store.get(oid);
  const number = oid.split('.').pop()!;
  if (!list) return [kithMessage(lang, 'hover-unknown-list', number)];
  const lines = [
    kithMessage(lang, 'hover-list', number, list.name[lang]),
    '',
    kithMessage(lang, 'hover-source', judgeLabel(list, lang).replace(/ \(.*\)$/, ''), kithMessage(lang, list.complete ? 'complete' : 'partial')),
  ];
  if (value !== undefined) {
    const code = list.codes.find((c) => c.code === value);
    lines.push('', code ? codeLine(code, ctx) : kithMessage(lang, 'hover-not-in-list', value));
  }
  return lines;
}

export function kithParticipant(): Participant {
  const expectations = new ExpectationIndex(KITH_ELEMENTS.elements);

  async function hover(doc: AnalyzedDocument, offset: number, ctx: AnalysisContext): Promise<string | undefined> {
    const el = elementAt(xmlOf(doc).root, offset);
    const c = el && codedValue(el);
    if (!c || !(onAttribute(c.v, offset) || onAttribute(c.s, offset))) return undefined;
    const store = await ctx.caches.codeLists.storeFor(ctx);
    const exp = expectations.for(c.el);
    const lang = ctx.language;
    // The list named in S when it is one (else the expected ones) is the list that judges V.
    const s = c.s && looksLikeOid(c.s.value) ? c.s.value.trim() : undefined;
    const oids = s ? [s] : exp ? judgingLists(exp, undefined) : [];
    if (oids.length === 0) return undefined;
    const parts = oids.map((oid) => listLines(store, oid, ctx, c.v?.value.trim()).join('\n'));
    if (exp && s && !exp.lists.includes(s))
      parts.push(kithMessage(lang, 'hover-expected', exp.lists.map((o) => listLabel(store.get(o), o, lang)).join(kithMessage(lang, 'or'))));
    return parts.join('\n\n---\n\n');
  }

  async function complete(doc: AnalyzedDocument, offset: number, ctx: AnalysisContext): Promise<Completion[]> {
    const el = elementAt(xmlOf(doc).root, offset);
    const c = el && codedValue(el);
    const exp = c && expectations.for(c.el);
    if (!c || !exp) return [];
    const store = await ctx.caches.codeLists.storeFor(ctx);
    if (inValue(c.s, offset) && exp.type === 'CV') {
      return exp.lists.map((oid) => ({
        label: oid,
        kind: 'value' as const,
        detail: listLabel(store.get(oid), oid, ctx.language),
        replace: { start: c.s!.valueStart, end: c.s!.valueEnd },
      }));
    }
    if (!inValue(c.v, offset)) return [];
    const v = c.v!;
    const oids = judgingLists(exp, c.s?.value);
    const out: Completion[] = [];
    for (const oid of oids) {
      const list = store.get(oid);
      if (!list) continue;
      for (const code of list.codes) {
        const display = ctx.language === 'en' ? (code.en ?? code.nb) : code.nb;
        const escaped = code.nb.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
        const edits: NonNullable<Completion['additionalEdits']> = [];
        if (c.dn) edits.push({ start: c.dn.valueStart, end: c.dn.valueEnd, newText: escaped });
        else edits.push({ start: v.valueEnd + 1, end: v.valueEnd + 1, newText: ` DN="${escaped}"` });
        if (exp.type === 'CV') {
          if (c.s && c.s.value.trim() !== oid) edits.push({ start: c.s.valueStart, end: c.s.valueEnd, newText: oid });
          else if (!c.s) edits.push({ start: v.valueEnd + 1, end: v.valueEnd + 1, newText: ` S="${oid}"` });
        }
        out.push({
          label: code.code,
          kind: 'value',
          detail: display,
          documentation: `${listLabel(list, oid, ctx.language)} — ${judgeLabel(list, ctx.language)}`,
          replace: { start: v.valueStart, end: v.valueEnd },
          additionalEdits: edits,
        });
      }
    }
    return out;
  }

  return { name: 'kith', appliesTo: (doc) => isXmlDocument(doc) && looksLikeKith(doc.text), hover, complete };
}
