// Crafted inputs for a regular expression's cost test: for each unbounded run (x*, x+, x{n,}) a text
// that makes the engine try that run every way it can, and a plain text of the same size made of the
// same pieces in a harmless arrangement.
//
//   long run   prefix + one run of the run's character to the full size + a character that fails
//   restarts   (prefix + one round of the run) repeated: a match can begin inside the run again and again
//   plain      (prefix + 40 run characters + the failing character) repeated to the same size
//
// `prefix` is a string that the pattern's elements before the run match (first alternative, fewest
// repetitions). A linear pattern costs about the same on all three; a quadratic one costs size/40
// times more on a worst case than on the plain text.

import { RegExpParser, type AST } from '@eslint-community/regexpp';

export interface CraftedCase {
  run: string;
  shape: 'long run' | 'restarts';
  worst: string;
  plain: string;
}

const PLAIN_RUN = 40;
const FAIL_CANDIDATES = ['\u0000', '#', '\n', ' ', '"', '!', '~', 'Z', '0'];

type Node = AST.Node;

function sampleChar(n: Node): string {
  const candidates = ['a', ' ', '0', 'A', '.', '-', '_', '/', ':', '\n', 'x', '"', "'", '<', '>', '=', '\t', 'é'];
  for (const c of candidates) if (matchesOne(n, c)) return c;
  for (let cp = 0x21; cp < 0x3000; cp++) if (matchesOne(n, String.fromCodePoint(cp))) return String.fromCodePoint(cp);
  return 'a';
}

/** Whether the one-character node takes `c` (tested by the engine itself, on the node's own source). */
function matchesOne(n: Node, c: string): boolean {
  try {
    return new RegExp(`^(?:${n.raw})$`, 'u').test(c) || new RegExp(`^(?:${n.raw})$`).test(c);
  } catch {
    return false;
  }
}

/** A short string the node matches: the first alternative, the fewest repetitions. */
function sample(n: Node): string {
  switch (n.type) {
    case 'Character':
      return String.fromCodePoint(n.value);
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return sampleChar(n);
    case 'Quantifier':
      return sample(n.element).repeat(n.min);
    case 'Alternative':
      return n.elements.map(sample).join('');
    case 'Group':
    case 'CapturingGroup':
    case 'Pattern':
      return sample(n.alternatives[0]);
    default:
      return ''; // assertions, back-references
  }
}

/** What the path's elements before `target` match, outermost first. */
function prefixBefore(path: Node[], target: Node): string {
  let out = '';
  let child = target;
  const parts: string[] = [];
  for (let k = path.length - 1; k >= 0; k--) {
    const parent = path[k];
    if (parent.type === 'Alternative')
      parts.unshift(
        parent.elements
          .slice(0, parent.elements.indexOf(child as AST.Element))
          .map(sample)
          .join(''),
      );
    child = parent;
  }
  out = parts.join('');
  return out;
}

function unboundedRuns(pattern: AST.Pattern): Array<{ q: AST.Quantifier; path: Node[] }> {
  const found: Array<{ q: AST.Quantifier; path: Node[] }> = [];
  const walk = (n: Node, path: Node[]) => {
    if (n.type === 'Quantifier' && n.max === Infinity) found.push({ q: n, path });
    const next = [...path, n];
    if (n.type === 'Quantifier') walk(n.element, next);
    else if (n.type === 'Alternative') n.elements.forEach((e) => walk(e, next));
    else if ('alternatives' in n) n.alternatives.forEach((a) => walk(a, next));
  };
  walk(pattern, []);
  return found;
}

function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / Math.max(unit.length, 1))).slice(0, size);
}

export function craftedCases(source: string, flags: string, size: number): CraftedCase[] {
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: flags.includes('u') });
  const cases: CraftedCase[] = [];
  for (const { q, path } of unboundedRuns(pattern)) {
    const prefix = prefixBefore(path, q);
    const round = sample(q.element) || sampleChar(q.element);
    const runRe = new RegExp(`^(?:${q.element.raw})+$`, flags.replace(/[gyd]/g, ''));
    const fail = FAIL_CANDIDATES.find((c) => !runRe.test(round + c)) ?? '\u0000';
    const plain = fill(prefix + round.repeat(Math.ceil(PLAIN_RUN / Math.max(round.length, 1))) + fail, size);
    const longRun = (prefix + fill(round, size - prefix.length - 1) + fail).slice(0, size);
    cases.push({ run: q.raw, shape: 'long run', worst: longRun, plain });
    if (prefix) cases.push({ run: q.raw, shape: 'restarts', worst: fill(prefix + round, size - 1) + fail, plain });
  }
  return cases;
}

/** Every match of the pattern over `text`, as the engine scans a file (global, with indices). */
export function scanAll(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    n++;
    if (m[0] === '') re.lastIndex++;
  }
  return n;
}
