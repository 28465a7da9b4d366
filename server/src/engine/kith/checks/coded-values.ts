// Coded values (V/S/DN): V and S swapped, S not a list this element expects, a code not in its list
// (complete: error with "did you mean"; partial: information), the wrong letter case, and a DN that is
// not the list's text. Which list judged a code goes into the message and the finding's data.

import type { Fix } from '../../core/types';
import { kithMessage } from '../messages';
import { bounded, codedValue, judge, judgeLabel, judgingLists, listData, listLabel, looksLikeOid, type CodedValue } from '../coded';
import type { Code, CodeList, ElementExpectation } from '../model';
import type { KithRun } from '../report';
import type { XmlElement } from '../../xml/parse';

// Case, spacing and hyphens are not what makes a display text wrong (`Hpr nummer` is `HPR-nummer`).
const normalise = (s: string) =>
  s
    .trim()
    .replace(/[\s_-]+/g, ' ')
    .toLowerCase();

function swapped(run: KithRun, c: CodedValue): boolean {
  const { v, s } = c;
  if (!v || !s || !looksLikeOid(v.value) || looksLikeOid(s.value)) return false;
  const title = kithMessage(run.ctx.language, 'swap');
  const fix: Fix = {
    title,
    preferred: true,
    edits: [
      { range: run.doc.rangeOf(v.valueStart, v.valueEnd), newText: run.doc.text.slice(s.valueStart, s.valueEnd) },
      { range: run.doc.rangeOf(s.valueStart, s.valueEnd), newText: run.doc.text.slice(v.valueStart, v.valueEnd) },
    ],
  };
  run.report('kith/code-value-system-swapped', v.valueStart, v.valueEnd, { vars: { code: bounded(v.value) }, fixes: [fix] });
  return true;
}

function unexpectedSystem(run: KithRun, c: CodedValue, exp: ElementExpectation): boolean {
  const s = c.s;
  if (exp.type !== 'CV' || !s || !looksLikeOid(s.value) || exp.lists.includes(s.value.trim())) return false;
  const lang = run.ctx.language;
  const expected = exp.lists.map((o) => listLabel(run.store.get(o), o, lang)).join(kithMessage(lang, 'or'));
  const one = exp.lists.length === 1 ? exp.lists[0] : undefined;
  run.report('kith/code-system-unexpected', s.valueStart, s.valueEnd, {
    vars: { code: bounded(s.value), expected },
    edit: one ? { start: s.valueStart, end: s.valueEnd, newText: one } : undefined,
  });
  return true;
}

/** A DN that is not the list's text, when the list's texts are authoritative (complete or supplied by the user). */
function displayDiffers(c: CodedValue, exp: ElementExpectation, list: CodeList, code: Code): boolean {
  // Display texts of partly known built-in lists come from client libraries, not from Volven: not judged.
  if (!exp.display || !c.dn || !(list.complete || list.origin.kind !== 'builtin')) return false;
  const dn = c.dn.value;
  if (dn === code.nb || dn === code.en) return false;
  return normalise(dn) !== normalise(code.nb) && (!code.en || normalise(dn) !== normalise(code.en));
}

function judgeCode(run: KithRun, c: CodedValue, exp: ElementExpectation): void {
  const v = c.v;
  if (!v || v.value.trim() === '') return;
  let byValue = run.verdicts.get(exp);
  if (!byValue) run.verdicts.set(exp, (byValue = new Map()));
  const key = `${c.s?.value ?? ''}\u0000${v.value}`;
  let verdict = byValue.get(key);
  if (!verdict) {
    const oids = judgingLists(exp, c.s?.value);
    verdict = oids.length ? judge(run.store, oids, v.value) : { kind: 'no-list' };
    byValue.set(key, verdict);
  }
  if (verdict.kind === 'no-list' || (verdict.kind === 'known' && !displayDiffers(c, exp, verdict.list, verdict.code))) return;
  // Texts only for what is reported: most codes of a large message are fine.
  const lang = run.ctx.language;
  const label = listLabel(verdict.list, verdict.list.oid, lang);
  const judgeText = judgeLabel(verdict.list, lang);
  const data = { codeList: listData(verdict.list) };
  const hoverDetail = `${label}: ${judgeText}`;
  if (verdict.kind === 'case') {
    run.report('kith/code-case', v.valueStart, v.valueEnd, {
      vars: { code: bounded(v.value), list: label, expected: verdict.code.code, judge: judgeText },
      edit: { start: v.valueStart, end: v.valueEnd, newText: verdict.code.code },
      data,
      hoverDetail,
    });
  } else if (verdict.kind === 'unknown') {
    const near = verdict.suggestions.map((s) => s.code);
    const fixes: Fix[] = near.map((code, i) => ({
      title: kithMessage(lang, 'did-you-mean', code),
      edits: [{ range: run.doc.rangeOf(v.valueStart, v.valueEnd), newText: code }],
      preferred: i === 0 && near.length === 1,
    }));
    const hint = near.length ? ` ${kithMessage(lang, 'did-you-mean', near.join(', '))}` : '';
    run.report('kith/code-unknown', v.valueStart, v.valueEnd, {
      vars: { code: bounded(v.value), list: label, judge: judgeText + hint },
      fixes,
      data: { ...data, suggestions: near },
      hoverDetail,
    });
  } else if (verdict.kind === 'partial') {
    run.report('kith/code-not-in-partial-list', v.valueStart, v.valueEnd, {
      vars: { code: bounded(v.value), list: label, judge: judgeText },
      data,
      hoverDetail,
    });
  } else {
    const dn = c.dn!;
    run.report('kith/code-display-differs', dn.valueStart, dn.valueEnd, {
      vars: { display: bounded(dn.value), code: verdict.code.code, list: label, expected: verdict.code.nb },
      edit: { start: dn.valueStart, end: dn.valueEnd, newText: verdict.code.nb },
      data,
      hoverDetail,
    });
  }
}

/** Any element with V or S (called for every element). */
export function checkCodedValue(run: KithRun, el: XmlElement): void {
  const c = codedValue(el);
  if (!c || swapped(run, c)) return;
  const exp = run.expectations.for(el);
  if (!exp || unexpectedSystem(run, c, exp)) return;
  judgeCode(run, c, exp);
}
