// Value-set expansion from the definitions themselves (no terminology server): includes of whole
// code systems, listed concepts, `is-a`/`descendent-of` filters and nested value sets. A value set
// that draws on anything else (UCUM, BCP-47, SNOMED, …) cannot be enumerated and is left out, so
// the validator never calls a valid code wrong.

import type { ExpandedValueSet, ValueSetIndex } from './model';

interface Concept {
  code: string;
  display?: string;
  concept?: Concept[];
}

export interface RawCodeSystem {
  url: string;
  content?: string;
  concept?: Concept[];
}

interface Include {
  system?: string;
  concept?: { code: string; display?: string }[];
  filter?: { property: string; op: string; value: string }[];
  valueSet?: string[];
}

export interface RawValueSet {
  url: string;
  name?: string;
  title?: string;
  compose?: { include?: Include[]; exclude?: Include[] };
}

type Codes = Map<string, [string, string, string?]>;

function flatten(concepts: Concept[] | undefined, out: Concept[] = []): Concept[] {
  for (const c of concepts ?? []) {
    out.push(c);
    flatten(c.concept, out);
  }
  return out;
}

function find(concepts: Concept[] | undefined, code: string): Concept | undefined {
  for (const c of concepts ?? []) {
    if (c.code === code) return c;
    const inner = find(c.concept, code);
    if (inner) return inner;
  }
  return undefined;
}

export function expandValueSets(urls: string[], valueSets: RawValueSet[], codeSystems: RawCodeSystem[]): ValueSetIndex {
  const vsByUrl = new Map(valueSets.map((v) => [v.url, v]));
  const csByUrl = new Map(codeSystems.filter((c) => c.url).map((c) => [c.url, c]));
  const memo = new Map<string, Codes | undefined>();

  const include = (inc: Include, seen: Set<string>): Codes | undefined => {
    const codes: Codes = new Map();
    for (const nested of inc.valueSet ?? []) {
      const n = expand(nested.split('|')[0], seen);
      if (!n) return undefined;
      for (const [k, v] of n) codes.set(k, v);
    }
    if (!inc.system) return codes;
    const system = inc.system;
    if (inc.concept?.length) {
      const cs = csByUrl.get(system);
      for (const c of inc.concept) codes.set(`${system}|${c.code}`, [system, c.code, c.display ?? find(cs?.concept, c.code)?.display]);
      return codes;
    }
    const cs = csByUrl.get(system);
    if (!cs || (cs.content && cs.content !== 'complete')) return undefined;
    let pool = flatten(cs.concept);
    for (const f of inc.filter ?? []) {
      if (f.property !== 'concept' || (f.op !== 'is-a' && f.op !== 'descendent-of')) return undefined;
      const root = find(cs.concept, f.value);
      if (!root) return undefined;
      pool = f.op === 'is-a' ? [root, ...flatten(root.concept)] : flatten(root.concept);
    }
    for (const c of pool) codes.set(`${system}|${c.code}`, [system, c.code, c.display]);
    return codes;
  };

  const expand = (url: string, seen: Set<string>): Codes | undefined => {
    if (memo.has(url)) return memo.get(url);
    if (seen.has(url)) return undefined;
    seen.add(url);
    const vs = vsByUrl.get(url);
    let codes: Codes | undefined = vs?.compose?.include ? new Map() : undefined;
    for (const inc of vs?.compose?.include ?? []) {
      const part = include(inc, seen);
      if (!part) {
        codes = undefined;
        break;
      }
      for (const [k, v] of part) codes!.set(k, v);
    }
    if (codes) {
      for (const exc of vs?.compose?.exclude ?? []) for (const c of exc.concept ?? []) codes.delete(`${exc.system}|${c.code}`);
    }
    memo.set(url, codes);
    return codes;
  };

  const out: ValueSetIndex = {};
  for (const url of urls.sort()) {
    const codes = expand(url, new Set());
    if (codes && codes.size) {
      const vs = vsByUrl.get(url)!;
      const entry: ExpandedValueSet = { codes: [...codes.values()].map(([s, c, d]) => (d ? [s, c, d] : [s, c])) };
      if (vs.name) entry.title = vs.name;
      out[url] = entry;
    }
  }
  return out;
}
