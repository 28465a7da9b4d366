// Finds identity numbers in output, independently of the product's masking (its own check-digit
// arithmetic, NHN-FACTS §5, and a wider idea of what "one number" is), for the privacy sweep.

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const weighted = (s: string, w: number[]) => w.reduce((acc, wi, i) => acc + wi * Number(s[i]), 0);

/** Eleven digits that are a valid identity number of any class: fødselsnummer, D-, H-, Tenor (+80), SyntPop (+65); current or 2032 check digits. */
export function isIdentityNumber(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  const dd = Number(d.slice(0, 2));
  const mm = Number(d.slice(2, 4));
  const day = dd > 40 ? dd - 40 : dd;
  const hOffset = mm >= 41 && mm <= 52;
  const month = mm >= 81 ? mm - 80 : mm >= 66 ? mm - 65 : mm >= 41 ? mm - 40 : mm;
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  if ((mm > 12 && mm < 41) || (mm > 52 && mm < 66) || (mm > 77 && mm < 81) || mm > 92) return false;
  if (dd > 40 && hOffset) return false;
  return weighted(d, W2) % 11 === 0 && weighted(d, W1) % 11 <= 3;
}

/** Synthetic classes (Tenor, SyntPop): no person; a fix may insert one as a stand-in. */
export const isSyntheticNumber = (d: string) => isIdentityNumber(d) && Number(d.slice(2, 4)) >= 66;

/** Characters that may sit between the digits of one number as a reader sees it. */
const SEPARATOR = /[ \u00a0.\-_/:,]/;

/**
 * Every valid identity number that can be read in `text`: any 11 digits in a row of a chain of digits
 * joined by single separators (`01018012345`, `x01018012345y`, `010180 12345`, `0 1 0 1 …`, inside a longer run).
 */
export function identityNumbersIn(text: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (!/\d/.test(text[i])) {
      i++;
      continue;
    }
    let digits = '';
    while (i < text.length) {
      while (i < text.length && /\d/.test(text[i])) digits += text[i++];
      if (i + 1 < text.length && SEPARATOR.test(text[i]) && /\d/.test(text[i + 1])) i++;
      else break;
    }
    for (let w = 0; w + 11 <= digits.length; w++) if (isIdentityNumber(digits.slice(w, w + 11))) found.push(digits.slice(w, w + 11));
  }
  return found;
}

/** The planted numbers that a reader could put together from the digits of `texts` read in order (one per character, say). */
export function reassembled(texts: readonly string[], planted: readonly string[]): string[] {
  const stream = texts.map((t) => t.replace(/\D/g, '')).join('');
  return planted.filter((n) => stream.includes(n));
}

/** A readable stand-in for a leaked number in a report (the report itself must not leak). */
export const shown = (n: string) => `${n.slice(0, 6)}·····`;
