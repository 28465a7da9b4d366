// One pass over a document's text finds which rule literals (literal-prefilter.ts) occur in it, so only
// the rules whose literal is there run their own pattern. The pass is one combined, case-insensitive
// pattern of every literal; at each hit every literal that starts there is noted (literals may overlap,
// so the search resumes one character after a hit). Case-sensitive literals are confirmed exactly.

import { escapeRegExp } from './literal-prefilter';

export interface ScanLiteral {
  text: string;
  caseInsensitive: boolean;
}

export class LiteralScanner {
  private readonly combined: RegExp | undefined;
  /** Literal indexes by the lowercased first character (a hit checks only these). */
  private readonly byFirst = new Map<string, number[]>();
  private readonly lower: string[];

  constructor(private readonly literals: readonly ScanLiteral[]) {
    this.lower = literals.map((l) => l.text.toLowerCase());
    const unique = [...new Set(this.lower)].sort((a, b) => b.length - a.length);
    this.combined = unique.length ? new RegExp(unique.map(escapeRegExp).join('|'), 'gi') : undefined;
    this.lower.forEach((l, i) => {
      const list = this.byFirst.get(l[0]) ?? [];
      list.push(i);
      this.byFirst.set(l[0], list);
    });
  }

  /** The indexes (into the constructor's list) of the literals that occur in `text`. One pass over the text. */
  scan(text: string): Set<number> {
    const found = new Set<number>();
    const re = this.combined;
    if (!re) return found;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = m.index;
      for (const i of this.byFirst.get(m[0][0].toLowerCase()) ?? []) {
        if (found.has(i)) continue;
        const lit = this.literals[i];
        const here = text.slice(at, at + lit.text.length);
        if (lit.caseInsensitive ? here.toLowerCase() === this.lower[i] : here === lit.text) found.add(i);
      }
      if (found.size === this.literals.length) break;
      re.lastIndex = at + 1;
    }
    return found;
  }
}
