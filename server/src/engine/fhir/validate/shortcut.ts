// A sound shortcut before FHIRPath: many invariants are `X.empty() or …`. When the top level of the
// expression is an `or` chain and one term is a plain path `a.b.empty()` whose first step is absent
// from the node, the whole expression is true without evaluating it (`and` binds tighter than `or`;
// `xor` and `implies` at the top level disable the shortcut).

const cache = new Map<string, string[][] | null>();

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

/** For each term that is a plain `path.empty()`, its path's first step (a choice `value` matches `valueX`). */
function emptyPaths(expr: string): string[][] | null {
  if (cache.has(expr)) return cache.get(expr)!;
  const terms = orTerms(expr);
  const heads = terms?.map((t) => /^([a-z][A-Za-z]*)(?:\.[a-z][A-Za-z]*)*\.empty\(\)$/.exec(t)?.[1]).filter((h): h is string => !!h) ?? [];
  const out = heads.length ? [heads] : null;
  cache.set(expr, out);
  return out;
}

/** True when the invariant certainly holds for a node with these property names. */
export function triviallyTrue(expr: string, names: Iterable<string>): boolean {
  const heads = emptyPaths(expr)?.[0];
  if (!heads) return false;
  const present = [...names];
  return heads.some((h) => !present.some((n) => n === h || (n.startsWith(h) && /^[A-Z]/.test(n.slice(h.length)))));
}
