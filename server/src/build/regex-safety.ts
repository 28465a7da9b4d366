// A build-time check that a rule's regular expression runs in linear time on any text. JavaScript's
// regex engine backtracks, so some shapes cost quadratic or exponential time on a crafted (or just
// unlucky) file, and a rule runs on the server's main thread: `api/helseid-assertion-aud` took 34 s
// on `aud=` followed by 200 KB of spaces. Three shapes are rejected, each found on the parsed pattern
// (@eslint-community/regexpp) with character sets computed per node:
//
//   nested    an unbounded repetition whose body can end in an unbounded run that the next round of the
//             body could also start with: (a+)+, (?:\s*,\s*)*  — exponential or polynomial
//   adjacent  two unbounded runs with nothing required between them that can take the same character:
//             \s*\[?\s*  — the split between them is tried every way: quadratic per attempt
//   restart   an unbounded run followed by something that can fail, where everything before the run
//             consists of characters the run itself takes: \s*x, abc[\w.]*/x  — every position inside
//             a long run starts a new attempt that scans to the run's end: quadratic over the text
//
// Sound in the direction that matters (each shape it rejects can backtrack super-linearly) and
// deliberately coarse in the other: a rejected pattern is rewritten, never excused.

import { RegExpParser, type AST } from '@eslint-community/regexpp';

type Ranges = ReadonlyArray<readonly [number, number]>;
const MAX = 0x10ffff;
const NONE: Ranges = [];
const ANY: Ranges = [[0, MAX]];

function normalize(rs: Array<[number, number]>): Ranges {
  rs.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of rs) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}
const union = (...sets: Ranges[]): Ranges => normalize(sets.flatMap((s) => s.map(([a, b]) => [a, b] as [number, number])));
function negate(s: Ranges): Ranges {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of s) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}
function intersects(a: Ranges, b: Ranges): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i][1] < b[j][0]) i++;
    else if (b[j][1] < a[i][0]) j++;
    else return true;
  }
  return false;
}
const subset = (a: Ranges, b: Ranges) => a.every(([lo, hi]) => b.some(([l, h]) => l <= lo && hi <= h));

const DIGIT: Ranges = [[0x30, 0x39]];
const WORD: Ranges = union(DIGIT, [
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
const SPACE: Ranges = union([
  [9, 13],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
const LINE_BREAKS: Ranges = union([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);

/** With the i flag, a set also holds the other case of each letter (exactly below U+0250, where rules live). */
function caseFold(s: Ranges): Ranges {
  const extra: Array<[number, number]> = [];
  for (const [lo, hi] of s) {
    for (let c = lo; c <= Math.min(hi, 0x24f); c++) {
      for (const v of [String.fromCodePoint(c).toLowerCase(), String.fromCodePoint(c).toUpperCase()]) {
        if (v.length === 1) extra.push([v.charCodeAt(0), v.charCodeAt(0)]);
      }
    }
  }
  return extra.length ? union(s, extra) : s;
}

type Node = AST.Node;

class Analysis {
  private readonly memo = new Map<string, Map<Node, unknown>>();
  readonly risks: string[] = [];

  constructor(private readonly flags: { ignoreCase: boolean; dotAll: boolean; multiline: boolean }) {}

  private cached<T>(n: Node, key: string, compute: () => T): T {
    let m = this.memo.get(key);
    if (!m) this.memo.set(key, (m = new Map()));
    if (!m.has(n)) m.set(n, compute());
    return m.get(n) as T;
  }

  private fold(s: Ranges): Ranges {
    return this.flags.ignoreCase ? caseFold(s) : s;
  }

  /** The characters one Character/CharacterClass/CharacterSet can take. */
  private leaf(n: Node): Ranges {
    switch (n.type) {
      case 'Character':
        return this.fold([[n.value, n.value]]);
      case 'CharacterClassRange':
        return this.fold([[n.min.value, n.max.value]]);
      case 'CharacterSet': {
        let s: Ranges;
        if (n.kind === 'digit') s = DIGIT;
        else if (n.kind === 'word') s = WORD;
        else if (n.kind === 'space') s = SPACE;
        else if (n.kind === 'any') return this.flags.dotAll ? ANY : negate(LINE_BREAKS);
        else return ANY; // \p{…}, string sets: taken as anything
        return 'negate' in n && n.negate ? negate(s) : s;
      }
      case 'CharacterClass': {
        if (n.unicodeSets) return ANY;
        const s = union(...n.elements.map((e) => this.leaf(e)));
        return n.negate ? negate(s) : s;
      }
      default:
        return ANY;
    }
  }

  private isLeaf(n: Node): boolean {
    return n.type === 'Character' || n.type === 'CharacterSet' || n.type === 'CharacterClass' || n.type === 'ExpressionCharacterClass';
  }

  private alternativesOf(n: Node): AST.Alternative[] | undefined {
    if (n.type === 'Pattern' || n.type === 'Group' || n.type === 'CapturingGroup') return n.alternatives;
    if (n.type === 'Assertion' && (n.kind === 'lookahead' || n.kind === 'lookbehind')) return n.alternatives;
    return undefined;
  }

  nullable(n: Node): boolean {
    return this.cached(n, 'nullable', () => {
      if (this.isLeaf(n)) return false;
      if (n.type === 'Alternative') return n.elements.every((e) => this.nullable(e));
      if (n.type === 'Quantifier') return n.min === 0 || this.nullable(n.element);
      if (n.type === 'Assertion' || n.type === 'Backreference') return true;
      return (this.alternativesOf(n) ?? []).some((a) => this.nullable(a));
    });
  }

  /** Every character the node may consume. */
  chars(n: Node): Ranges {
    return this.cached(n, 'chars', () => {
      if (this.isLeaf(n)) return this.leaf(n);
      if (n.type === 'Alternative') return union(...n.elements.map((e) => this.chars(e)));
      if (n.type === 'Quantifier') return n.max === 0 ? NONE : this.chars(n.element);
      if (n.type === 'Backreference') return ANY;
      if (n.type === 'Assertion') return NONE;
      return union(...(this.alternativesOf(n) ?? []).map((a) => this.chars(a)));
    });
  }

  /** Characters the node's match can begin with. */
  first(n: Node): Ranges {
    return this.cached(n, 'first', () => {
      if (this.isLeaf(n)) return this.leaf(n);
      if (n.type === 'Alternative') return union(...this.leading(n.elements).map((e) => this.first(e)));
      if (n.type === 'Quantifier') return n.max === 0 ? NONE : this.first(n.element);
      if (n.type === 'Backreference') return ANY;
      if (n.type === 'Assertion') return NONE;
      return union(...(this.alternativesOf(n) ?? []).map((a) => this.first(a)));
    });
  }

  /** Characters the node's match can end with. */
  last(n: Node): Ranges {
    return this.cached(n, 'last', () => {
      if (this.isLeaf(n)) return this.leaf(n);
      if (n.type === 'Alternative') return union(...this.trailing(n.elements).map((e) => this.last(e)));
      if (n.type === 'Quantifier') return n.max === 0 ? NONE : this.last(n.element);
      if (n.type === 'Backreference') return ANY;
      if (n.type === 'Assertion') return NONE;
      return union(...(this.alternativesOf(n) ?? []).map((a) => this.last(a)));
    });
  }

  /** Elements up to and including the first that must consume something. */
  private leading(elements: AST.Element[]): AST.Element[] {
    const i = elements.findIndex((e) => !this.nullable(e));
    return i < 0 ? elements : elements.slice(0, i + 1);
  }
  private trailing(elements: AST.Element[]): AST.Element[] {
    let i = elements.length - 1;
    while (i >= 0 && this.nullable(elements[i])) i--;
    return i < 0 ? elements : elements.slice(i);
  }

  /** Characters an unbounded run can take where it begins (head) or ends (tail) the node's match. */
  unboundedRuns(n: Node, end: 'head' | 'tail'): Ranges {
    return this.cached(n, end, () => {
      if (n.type === 'Quantifier') {
        const inner = this.unboundedRuns(n.element, end);
        const edge = end === 'head' ? this.first(n.element) : this.last(n.element);
        return n.max === Infinity ? union(edge, inner) : n.max === 0 ? NONE : inner;
      }
      if (n.type === 'Alternative') {
        const part = end === 'head' ? this.leading(n.elements) : this.trailing(n.elements);
        return union(...part.map((e) => this.unboundedRuns(e, end)));
      }
      if (n.type === 'Assertion') return NONE;
      return union(...(this.alternativesOf(n) ?? []).map((a) => this.unboundedRuns(a, end)));
    });
  }

  /** A prefix element that no attempt starting inside a run of `run` characters gets past. */
  private blocksRestart(before: AST.Element, run: Ranges): boolean {
    if (before.type === 'Assertion') {
      // ^ without the m flag: one attempt only; with it, only after a line break, which the run must not take.
      if (before.kind === 'start') return !this.flags.multiline || !intersects(run, LINE_BREAKS);
      // (?<![…]) that forbids every run character: inside the run it fails at once.
      if (before.kind === 'lookbehind' && before.negate) {
        const single = before.alternatives.every((a) => a.elements.length === 1 && this.isLeaf(a.elements[0]));
        return single && subset(run, union(...before.alternatives.map((a) => this.leaf(a.elements[0]))));
      }
      return false;
    }
    return !this.nullable(before) && !subset(this.chars(before), run);
  }

  check(pattern: AST.Pattern): void {
    this.walk(pattern, []);
  }

  /** `path`: the ancestors of `n`, outermost first. */
  private walk(n: Node, path: Node[]): void {
    if (n.type === 'Quantifier' && n.max === Infinity) {
      const body = n.element;
      const runEnd = this.unboundedRuns(body, 'tail');
      if (intersects(runEnd, this.first(body))) {
        this.risks.push(`nested: ${n.raw} repeats a body whose unbounded run can end where the next round begins`);
      }
      this.restart(n, path);
    }
    if (n.type === 'Alternative') this.adjacent(n);
    const next = [...path, n];
    if (n.type === 'Quantifier') this.walk(n.element, next);
    else if (n.type === 'Alternative') for (const e of n.elements) this.walk(e, next);
    else for (const a of this.alternativesOf(n) ?? []) this.walk(a, next);
  }

  private adjacent(alt: AST.Alternative): void {
    const els = alt.elements;
    for (let i = 0; i < els.length; i++) {
      const tail = this.unboundedRuns(els[i], 'tail');
      if (tail.length === 0) continue;
      for (let j = i + 1; j < els.length; j++) {
        if (intersects(tail, this.unboundedRuns(els[j], 'head'))) {
          this.risks.push(`adjacent: ${els[i].raw} and ${els[j].raw} are unbounded runs with nothing required between them that can take the same character`);
          return;
        }
        if (!this.nullable(els[j])) break;
      }
    }
  }

  /** A run followed by something that can fail, with nothing before it that the run could not itself take. */
  private restart(q: AST.Quantifier, path: Node[]): void {
    const run = this.chars(q.element);
    let child: Node = q;
    let continues = false;
    for (let k = path.length - 1; k >= 0; k--) {
      const parent = path[k];
      if (parent.type === 'Alternative') {
        const at = parent.elements.indexOf(child as AST.Element);
        if (parent.elements.slice(0, at).some((before) => this.blocksRestart(before, run))) return;
        if (parent.elements.slice(at + 1).some((e) => e.type === 'Assertion' || !this.nullable(e))) continues = true;
      }
      if (parent.type === 'Assertion') continues = true; // inside a lookaround: the lookaround can fail
      child = parent;
    }
    if (continues) this.risks.push(`restart: ${q.raw} can be followed by a failure, and a match can begin inside its run (each position rescans it)`);
  }
}

/** Why `source` may take super-linear time (empty when it is linear by these rules). Throws on a syntax error. */
export function superLinearRisks(source: string, flags = ''): string[] {
  const parser = new RegExpParser({ ecmaVersion: 2025 });
  const pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  const analysis = new Analysis({ ignoreCase: flags.includes('i'), dotAll: flags.includes('s'), multiline: flags.includes('m') });
  analysis.check(pattern);
  return [...new Set(analysis.risks)];
}
