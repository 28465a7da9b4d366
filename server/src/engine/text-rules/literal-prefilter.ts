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

/** How many UTF-16 units a part of a pattern can match: fewest and most (Infinity: no bound). */
export interface Width {
  min: number;
  max: number;
}

/** A run of literal characters every match holds, and the width of what comes before it in a match (undefined: unknown). */
interface Run {
  text: string;
  before?: Width;
}

const ZERO: Width = Object.freeze({ min: 0, max: 0 });
const ONE: Width = Object.freeze({ min: 1, max: 1 });
const LOOKAROUND = /^\(\?(?:[=!]|<[=!])/;

/**
 * The literal runs of a pattern without top-level alternation, in the order the extractor has always
 * chosen among them (a required group's literal before the run it ends), with the width before each; the
 * bodies of the groups every match passes through (plain, non-capturing or named; not optional); and the
 * width of the whole. Undefined when the pattern is unbalanced or unusual.
 */
function scanSequence(pattern: string, flags: string): { runs: Run[]; groups: string[]; width?: Width } | undefined {
  const runs: Run[] = [];
  const groups: string[] = [];
  let run = '';
  let runBefore: Width | undefined;
  // The width matched so far; astral characters make `.` and classes two units wide with `u`: unknown.
  let at: Width | undefined = flags.includes('u') ? undefined : ZERO;
  const end = () => {
    if (run) runs.push({ text: run, before: runBefore });
    run = '';
  };
  const add = (ch: string) => {
    if (!run) runBefore = at;
    run += ch;
  };
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    let atom: string | undefined; // a literal character, or undefined for anything else
    let next: number;
    let width: Width | undefined = ONE;
    let inner: Run | undefined; // a required group's own literal, when it has one
    if (c === '(' || c === '[') {
      next = skipBracket(pattern, i);
      if (next < 0) return undefined;
      // A plain, non-capturing or named group (not a lookaround) that must occur: its literal is required too.
      const head = /^\((?:\?:|\?<(?![=!])[A-Za-z_]\w*>)?/.exec(pattern.slice(i, i + 40));
      const optional = /^(?:[?*]|\{0[,}])/.test(pattern.slice(next, next + 4));
      const plain = head && (head[0].length > 1 || pattern[i + 1] !== '?'); // not (?= (?! (?<= (?<! (?i)
      if (c === '(') {
        const body = plain ? pattern.slice(i + head[0].length, next - 1) : undefined;
        width = LOOKAROUND.test(pattern.slice(i, i + 4)) ? ZERO : body === undefined ? undefined : widthOf(body, flags);
        if (body !== undefined && !optional) {
          groups.push(body);
          const found = bestRun(body, flags);
          if (found) inner = { text: found.text, before: at && found.before && sum(at, found.before) };
        }
      }
    } else if (c === '\\') {
      const e = pattern[i + 1];
      if (e === undefined) return undefined;
      if (IDENTITY_ESCAPES.has(e)) atom = e;
      next = i + 2;
      if (e === 'b' || e === 'B') width = ZERO;
      else if (/[1-9]/.test(e) || (e === 'k' && pattern[next] === '<')) width = undefined; // a backreference
      while (/[0-9]/.test(e) && /[0-9]/.test(pattern[next] ?? '')) next++; // backreference \12
      if ((e === 'k' || e === 'p' || e === 'P' || e === 'u') && /[<{]/.test(pattern[next] ?? '')) {
        const close = pattern.indexOf(pattern[next] === '<' ? '>' : '}', next);
        if (close < 0) return undefined;
        next = close + 1;
      } else if (e === 'x') next = i + 4;
      else if (e === 'u') next = i + 6;
      else if (e === 'c') next = i + 3;
    } else if (c === '|' || c === ')' || c === ']' || c === '{' || c === '}') {
      return undefined; // alternation (the caller splits it), unbalanced or unusual: give up rather than guess
    } else {
      if (c === '.' || c === '^' || c === '$' || c === '?' || c === '*' || c === '+') atom = undefined;
      else if (c.charCodeAt(0) < 128) atom = c;
      if (c === '^' || c === '$') width = ZERO;
      next = i + 1;
    }
    if (inner) runs.push(inner);
    const q = QUANTIFIER.exec(pattern.slice(next, next + 12));
    let times: Width = ONE;
    if (q) {
      const bounds = /\{(\d+)(,?)(\d*)\}/.exec(q[0]);
      times = bounds
        ? { min: Number(bounds[1]), max: bounds[2] ? (bounds[3] ? Number(bounds[3]) : Infinity) : Number(bounds[1]) }
        : { min: q[0] === '+' ? 1 : 0, max: q[0] === '?' ? 1 : Infinity };
      if (atom !== undefined && times.min >= 1) add(atom);
      end();
      next += q[0].length;
      if (pattern[next] === '?') next++; // lazy quantifier
    } else if (atom !== undefined) add(atom);
    else end();
    at = at && width && sum(at, { min: width.min * times.min, max: width.max === 0 ? 0 : width.max * times.max });
    i = next;
  }
  end();
  return { runs, groups, width: at };
}

const sum = (a: Width, b: Width): Width => ({ min: a.min + b.min, max: a.max + b.max });

/** The width of any match of `pattern` (alternatives included), undefined when unknown. */
function widthOf(pattern: string, flags: string): Width | undefined {
  let out: Width | undefined;
  for (const a of topLevelAlternatives(pattern) ?? []) {
    const w = scanSequence(a, flags)?.width;
    if (!w) return undefined;
    out = out ? { min: Math.min(out.min, w.min), max: Math.max(out.max, w.max) } : w;
  }
  return out;
}

/** The longest literal run (the first of equals) of a pattern without top-level alternation. */
function bestRun(pattern: string, flags: string): Run | undefined {
  const runs = scanSequence(pattern, flags)?.runs;
  if (!runs) return undefined;
  let best: Run | undefined;
  for (const r of runs) if (!best || r.text.length > best.text.length) best = r;
  return best && best.text.length >= MIN_LITERAL ? best : undefined;
}

export function requiredLiteral(pattern: string, flags = ''): string | undefined {
  return requiredLiteralAt(pattern, flags)?.literal;
}

/**
 * The required literal and how far before it a match can start (`before`: the width of what precedes it
 * in a match; undefined when unbounded or unknown): a match holding the literal at offset h starts in
 * [h − before.max, h − before.min].
 */
export function requiredLiteralAt(pattern: string, flags = ''): { literal: string; before?: Width } | undefined {
  if (flags.includes('x') || flags.includes('v')) return undefined;
  const alternatives = topLevelAlternatives(pattern);
  if (!alternatives || alternatives.length > 1) return undefined; // top-level alternation: no single literal is required
  const best = bestRun(pattern, flags);
  if (!best) return undefined;
  return { literal: best.text, before: best.before && Number.isFinite(best.before.max) ? best.before : undefined };
}

/** The pattern's top-level alternatives (`a|b|c` → three; `a(b|c)` → one), undefined when unbalanced. */
function topLevelAlternatives(pattern: string): string[] | undefined {
  const alternatives: string[] = [];
  let from = 0;
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === '\\') i += 2;
    else if (c === '(' || c === '[') {
      const next = skipBracket(pattern, i);
      if (next < 0) return undefined;
      i = next;
    } else if (c === '|') {
      alternatives.push(pattern.slice(from, i));
      from = ++i;
    } else i++;
  }
  alternatives.push(pattern.slice(from));
  return alternatives;
}

/**
 * Literals one of which every match must contain: the pattern's required literal when it has one, else
 * one per alternative (of the pattern, or of a group every match passes through: `(?<hit>A|B|C)`).
 * Undefined when some alternative has none (the pattern must then always run).
 */
export function requiredLiterals(pattern: string, flags = ''): string[] | undefined {
  const single = requiredLiteral(pattern, flags);
  if (single !== undefined) return [single];
  if (flags.includes('x') || flags.includes('v')) return undefined;
  const alternatives = topLevelAlternatives(pattern);
  if (!alternatives) return undefined;
  if (alternatives.length > 1) {
    const out = new Set<string>();
    for (const a of alternatives) {
      const literals = requiredLiterals(a, flags);
      if (!literals) return undefined;
      for (const l of literals) out.add(l);
    }
    return [...out];
  }
  // One alternative without a literal of its own: the best set among the groups it must pass through.
  let best: string[] | undefined;
  const shortest = (list: string[]) => Math.min(...list.map((l) => l.length));
  for (const inner of scanSequence(pattern, flags)?.groups ?? []) {
    const literals = requiredLiterals(inner, flags);
    if (literals && (!best || shortest(literals) > shortest(best))) best = literals;
  }
  return best;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
