// One pass over a document's text finds which rule literals (literal-prefilter.ts) occur in it, so only
// the rules whose literal is there run their own pattern. The pass is one combined, case-insensitive
// pattern of every literal; at each hit every literal that starts there is noted (literals may overlap,
// so the search resumes one character after a hit). Case-sensitive literals are confirmed exactly.
// ASCII text (nearly every file) is lowercased once and searched case-sensitively: a case-insensitive
// alternation costs irregexp more per character (callgrind on a 2 MB FHIR Bundle: 91 M → 69 M
// instructions per scan, the ASCII test and the lowercasing included). For ASCII text and ASCII literals
// both find the same.

import { escapeRegExp } from './literal-prefilter';

export interface ScanLiteral {
  text: string;
  caseInsensitive: boolean;
}

/** Any character outside ASCII (no flags: no lastIndex state). */
const NON_ASCII = /[^\u0000-\u007f]/;

export class LiteralScanner {
  private readonly combined: RegExp | undefined;
  /** The same alternation, case-sensitive, for lowercased ASCII text (undefined when a literal is not ASCII). */
  private readonly combinedLower: RegExp | undefined;
  /** Literal indexes by the lowercased first character (a hit checks only these). */
  private readonly byFirst = new Map<string, number[]>();
  private readonly lower: string[];

  constructor(private readonly literals: readonly ScanLiteral[]) {
    this.lower = literals.map((l) => l.text.toLowerCase());
    const unique = [...new Set(this.lower)].sort((a, b) => b.length - a.length);
    this.combined = unique.length ? new RegExp(unique.map(escapeRegExp).join('|'), 'gi') : undefined;
    this.combinedLower = unique.length && !unique.some((l) => NON_ASCII.test(l)) ? new RegExp(unique.map(escapeRegExp).join('|'), 'g') : undefined;
    this.lower.forEach((l, i) => {
      const list = this.byFirst.get(l[0]) ?? [];
      list.push(i);
      this.byFirst.set(l[0], list);
    });
  }

  /**
   * The indexes (into the constructor's list) of the literals that occur in `text`. One pass over the text.
   * `at`: also each occurrence's offset, per literal, in order (`at[i]`); a literal found more than `most`
   * times gets null there (a search near so many hits would cost more than one over the text).
   */
  scan(text: string, at?: (number[] | null)[], most = Infinity): Set<number> {
    const found = new Set<number>();
    if (!this.combined) return found;
    const lower = this.combinedLower && !NON_ASCII.test(text);
    const re = lower ? this.combinedLower! : this.combined;
    // Lowercasing ASCII keeps every offset: hits are confirmed against the text itself below.
    const subject = lower ? text.toLowerCase() : text;
    re.lastIndex = 0;
    for (let m = re.exec(subject); m; m = re.exec(subject)) {
      const offset = m.index;
      for (const i of this.byFirst.get(m[0][0].toLowerCase()) ?? []) {
        if (!at && found.has(i)) continue;
        const lit = this.literals[i];
        const here = text.slice(offset, offset + lit.text.length);
        if (!(lit.caseInsensitive ? here.toLowerCase() === this.lower[i] : here === lit.text)) continue;
        found.add(i);
        if (!at) continue;
        const list = at[i] === undefined ? (at[i] = []) : at[i];
        if (list && list.push(offset) > most) at[i] = null;
      }
      if (!at && found.size === this.literals.length) break;
      re.lastIndex = offset + 1;
    }
    return found;
  }
}
