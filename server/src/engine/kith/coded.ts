// Coded values in a KITH message (V, S, DN on a CS or CV element), the list each element expects
// (server/data/kith/elements.yaml), and the verdict of a code against its list.

import type { Language } from '../core/types';
import type { XmlAttribute, XmlElement } from '../xml/parse';
import { kithMessage } from './messages';
import { OID_PREFIX, type Code, type CodeList, type ElementExpectation } from './model';
import type { CodeListStore } from './store';

export interface CodedValue {
  el: XmlElement;
  v?: XmlAttribute;
  s?: XmlAttribute;
  dn?: XmlAttribute;
}

/** The unprefixed V, S and DN attributes of an element, when it has V or S. */
export function codedValue(el: XmlElement): CodedValue | undefined {
  let v: XmlAttribute | undefined;
  let s: XmlAttribute | undefined;
  let dn: XmlAttribute | undefined;
  for (const a of el.attributes) {
    if (a.prefix) continue;
    if (a.local === 'V') v = a;
    else if (a.local === 'S') s = a;
    else if (a.local === 'DN') dn = a;
  }
  return v || s ? { el, v, s, dn } : undefined;
}

/** An OID as KITH writes it in S (dotted digits, at least three arcs). */
export function looksLikeOid(value: string): boolean {
  // A character loop, not a regular expression: it runs on every S and V of a message.
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 32) start++;
  while (end > start && value.charCodeAt(end - 1) <= 32) end--;
  let dots = 0;
  let digitBefore = false;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digitBefore = true;
    else if (c === 46 && digitBefore) {
      dots++;
      digitBefore = false;
    } else return false;
  }
  return dots >= 2 && digitBefore;
}

/** Expectations by the local name their path ends in: each element meets only the few that can match. */
export class ExpectationIndex {
  private readonly byLocal = new Map<string, ElementExpectation[]>();

  constructor(expectations: readonly ElementExpectation[]) {
    for (const e of expectations) {
      const last = e.path[e.path.length - 1];
      this.byLocal.set(last, [...(this.byLocal.get(last) ?? []), e]);
    }
  }

  /** The most specific expectation (longest path) that matches the element's namespace and path. */
  for(el: XmlElement): ElementExpectation | undefined {
    const candidates = this.byLocal.get(el.local);
    if (!candidates || el.ns === undefined) return undefined;
    let best: ElementExpectation | undefined;
    for (const e of candidates) {
      if (!e.namespaces.includes(el.ns) || !pathEndsWith(el, e.path)) continue;
      if (!best || e.path.length > best.path.length) best = e;
    }
    return best;
  }
}

function pathEndsWith(el: XmlElement, path: string[]): boolean {
  let node: XmlElement | undefined = el;
  for (let i = path.length - 1; i >= 0; i--) {
    if (!node || node.local !== path[i]) return false;
    node = node.parent;
  }
  return true;
}

export type Verdict =
  | { kind: 'known'; list: CodeList; code: Code }
  | { kind: 'case'; list: CodeList; code: Code }
  | { kind: 'unknown'; list: CodeList; suggestions: Code[] }
  | { kind: 'partial'; list: CodeList }
  | { kind: 'no-list' };

/** The lists that judge a code: S when it is one of the expected lists (CV), else the expected lists. */
export function judgingLists(exp: ElementExpectation, s: string | undefined): string[] {
  if (exp.type === 'CV' && s && looksLikeOid(s)) return exp.lists.includes(s.trim()) ? [s.trim()] : [];
  return exp.lists;
}

/** Where a code stands in the first list that knows it (or the first list there is). */
export function judge(store: CodeListStore, oids: readonly string[], value: string): Verdict {
  const lists: CodeList[] = [];
  for (const o of oids) {
    const l = store.get(o);
    if (l) lists.push(l);
  }
  if (lists.length === 0) return { kind: 'no-list' };
  for (const list of lists) {
    const code = store.code(list, value);
    if (code) return { kind: 'known', list, code };
  }
  const lower = value.toLowerCase();
  for (const list of lists) {
    const code = list.codes.find((c) => c.code.toLowerCase() === lower);
    if (code) return { kind: 'case', list, code };
  }
  // An unknown code is an error only when a list that could hold it is known whole.
  const complete = lists.find((l) => l.complete);
  if (complete && lists.every((l) => l.complete)) return { kind: 'unknown', list: complete, suggestions: nearCodes(lists, value) };
  return { kind: 'partial', list: lists.find((l) => !l.complete)! };
}

/** Codes one or two edits away (one for short codes), nearest first, at most three. */
function nearCodes(lists: CodeList[], value: string): Code[] {
  const limit = value.length <= 3 ? 1 : 2;
  const scored: [number, Code][] = [];
  for (const list of lists) {
    for (const c of list.codes) {
      const d = distance(c.code.toUpperCase(), value.toUpperCase(), limit);
      if (d <= limit) scored.push([d, c]);
    }
  }
  return scored
    .sort((a, b) => a[0] - b[0])
    .slice(0, 3)
    .map(([, c]) => c);
}

/** Levenshtein distance, stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** `list 8258 "Status for mottak av melding"`. */
export function listLabel(list: CodeList | undefined, oid: string, lang: Language): string {
  const number = oid.startsWith(OID_PREFIX) ? oid.slice(OID_PREFIX.length) : oid;
  return kithMessage(lang, 'list-label', number, list ? list.name[lang] : oid);
}

/** Which list judged, in words: "the product's built-in list (partial: …)". */
export function judgeLabel(list: CodeList, lang: Language): string {
  const origin = list.origin.kind === 'builtin' ? kithMessage(lang, 'builtin') : kithMessage(lang, list.origin.kind, list.origin.file);
  return kithMessage(lang, 'judge', origin, kithMessage(lang, list.complete ? 'complete' : 'partial'));
}

/** What a finding's `data.codeList` says about the list that judged it (for --format json and hovers). */
export function listData(list: CodeList): Record<string, unknown> {
  return {
    oid: list.oid,
    name: list.name.en,
    complete: list.complete,
    source: list.origin.kind,
    file: list.origin.kind === 'builtin' ? undefined : list.origin.file,
  };
}

/** Quoted values in messages stay short. */
export const bounded = (value: string, max = 64) => (value.length > max ? `${value.slice(0, max)}…` : value);
