// A sound shortcut before FHIRPath: many invariants are `X.empty() or …`. When the top level of the
// expression is an `or` chain and one term is certainly true, so is the expression (`and` binds
// tighter than `or`; `xor` and `implies` at the top level disable the shortcut). Certainly true:
// `a.b.where(…).empty()` (path steps and filters only) whose first step is absent from the node, and
// `a.exists()` whose step is present.

/** Top-level `or` terms, or null when the expression is not a plain `or` chain. */
function orTerms(expr: string): string[] | null {
  const terms: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0) {
      const rest = expr.slice(i, i + 9);
      if (/^ (xor|implies) /.test(rest)) return null;
      if (rest.startsWith(' or ')) {
        terms.push(expr.slice(start, i).trim());
        start = i + 4;
        i += 3;
      }
    }
  }
  terms.push(expr.slice(start).trim());
  return terms;
}

/** `a.b.where(…).ofType(…).empty()`: path steps and filters (empty in, empty out) before `.empty()`. */
function emptyChainHead(term: string): string | undefined {
  const head = /^([a-z][A-Za-z]*)/.exec(term)?.[1];
  if (!head || !term.endsWith('.empty()')) return undefined;
  let i = head.length;
  const end = term.length - '.empty()'.length;
  while (i < end) {
    const step = /^\.([a-z][A-Za-z]*)/.exec(term.slice(i));
    if (!step) return undefined;
    i += step[0].length;
    if (term[i] === '(') {
      if (!['where', 'select', 'ofType'].includes(step[1])) return undefined;
      let depth = 0;
      for (; i < end; i++) {
        if (term[i] === '(') depth++;
        else if (term[i] === ')' && --depth === 0) break;
      }
      if (depth !== 0) return undefined;
      i++;
    }
  }
  return i === end ? head : undefined;
}

export interface Shortcut {
  /** Terms true when this first step is absent. */
  absent: string[];
  /** Terms true when this step is present. */
  present: string[];
}

function shortcutOf(expr: string, cache: Map<string, Shortcut | null>): Shortcut | null {
  if (cache.has(expr)) return cache.get(expr)!;
  const terms = orTerms(expr);
  const absent = terms?.map(emptyChainHead).filter((h): h is string => !!h) ?? [];
  const present = terms?.map((t) => /^([a-z][A-Za-z]*)\.exists\(\)$/.exec(t)?.[1]).filter((h): h is string => !!h) ?? [];
  const out = absent.length || present.length ? { absent, present } : null;
  cache.set(expr, out);
  return out;
}

const matches = (name: string, step: string) => name === step || (name.startsWith(step) && /^[A-Z]/.test(name.slice(step.length)));

/** True when the invariant certainly holds for a node with these property names. */
export function triviallyTrue(expr: string, names: string[], cache: Map<string, Shortcut | null>): boolean {
  const s = shortcutOf(expr, cache);
  if (!s) return false;
  return s.absent.some((h) => !names.some((n) => matches(n, h))) || s.present.some((h) => names.some((n) => matches(n, h)));
}
