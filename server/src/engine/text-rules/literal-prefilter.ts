// Literal prefilters for rule regexes: the longest run of plain ASCII characters that every match must
// contain, read from the pattern's top level. A file without that literal cannot match, so the (much
// slower) full pattern, with its lookbehinds and repetitions, runs only on files that mention it.
// Conservative by construction: groups, classes, escapes and optional characters end a run; a top-level
// alternation or any doubt yields no literal (the rule then always runs).

const MIN_LITERAL = 3;
const IDENTITY_ESCAPES = new Set([...'.-/\\:?*+()[]{}|^$"\'#@!%&,;<>=_~`']);
const QUANTIFIER = /^(?:[?*+]|\{\d+(?:,\d*)?\})/;

/** The index just past the group or class that opens at `i` (pattern[i] is '(' or '['). */
function skipBracket(p: string, i: number): number {
  let depth = 0;
  let inClass = false;
  for (; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') {
      inClass = true;
      if (depth === 0) {
        // a top-level class: find its end
        for (i++; i < p.length && p[i] !== ']'; i++) if (p[i] === '\\') i++;
        return i + 1;
      }
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

export function requiredLiteral(pattern: string, flags = ''): string | undefined {
  if (flags.includes('x') || flags.includes('v')) return undefined;
  const runs: string[] = [];
  let run = '';
  const end = () => {
    if (run) runs.push(run);
    run = '';
  };
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    let atom: string | undefined; // a literal character, or undefined for anything else
    let next: number;
    let inner: string | undefined; // a required group's own literal, when it has one
    if (c === '(' || c === '[') {
      next = skipBracket(pattern, i);
      if (next < 0) return undefined;
      // A plain, non-capturing or named group (not a lookaround) that must occur: its literal is required too.
      const head = /^\((?:\?:|\?<(?![=!])[A-Za-z_]\w*>)?/.exec(pattern.slice(i, i + 40));
      const optional = /^(?:[?*]|\{0[,}])/.test(pattern.slice(next, next + 4));
      const plain = head && (head[0].length > 1 || pattern[i + 1] !== '?'); // not (?= (?! (?<= (?<! (?i)
      if (c === '(' && plain && !optional) {
        inner = requiredLiteral(pattern.slice(i + head[0].length, next - 1), flags);
      }
    } else if (c === '\\') {
      const e = pattern[i + 1];
      if (e === undefined) return undefined;
      if (IDENTITY_ESCAPES.has(e)) atom = e;
      next = i + 2;
      while (/[0-9]/.test(e) && /[0-9]/.test(pattern[next] ?? '')) next++; // backreference \12
      if ((e === 'k' || e === 'p' || e === 'P' || e === 'u') && /[<{]/.test(pattern[next] ?? '')) {
        const close = pattern.indexOf(pattern[next] === '<' ? '>' : '}', next);
        if (close < 0) return undefined;
        next = close + 1;
      } else if (e === 'x') next = i + 4;
      else if (e === 'u') next = i + 6;
      else if (e === 'c') next = i + 3;
    } else if (c === '|') {
      return undefined; // top-level alternation: no single literal is required
    } else if (c === ')' || c === ']' || c === '{' || c === '}') {
      return undefined; // unbalanced or unusual: give up rather than guess
    } else {
      if (c === '.' || c === '^' || c === '$' || c === '?' || c === '*' || c === '+') atom = undefined;
      else if (c.charCodeAt(0) < 128) atom = c;
      next = i + 1;
    }
    if (inner) runs.push(inner);
    const q = QUANTIFIER.exec(pattern.slice(next, next + 12));
    if (q) {
      const min = q[0] === '+' ? 1 : q[0].startsWith('{') ? Number(/\d+/.exec(q[0])![0]) : 0;
      if (atom !== undefined && min >= 1) run += atom;
      end();
      next += q[0].length;
      if (pattern[next] === '?') next++; // lazy quantifier
    } else if (atom !== undefined) run += atom;
    else end();
    i = next;
  }
  end();
  const best = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return best.length >= MIN_LITERAL ? best : undefined;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
