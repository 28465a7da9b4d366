// Norwegian national identity numbers (NHN-FACTS §5): check digits under the current and the 2032
// rules, the class an offset gives (D-, H-, Tenor, SyntPop), birth date and sex where derivable,
// masking for anything printed, and a deterministic synthetic stand-in. Pure functions, no data.

export type Sex = 'female' | 'male';

/**
 * The class of a number, from its day and month offsets:
 * - `fnr` fødselsnummer (no offset) — a real person, or a PREG-era test person (no offset either);
 * - `dnr` D-number (day + 40);
 * - `hnr` H-number (month + 40) — also what NAV's synthetic Dolly numbers use, so ambiguous;
 * - `tenor` Skatteetaten Test-Norge / Tenor synthetic (month + 80), `tenor-dnr` the D-number variant;
 * - `syntpop` NHN SyntPop reserved (month + 65), `syntpop-dnr` the D-number variant;
 * - `invalid` anything else (wrong length, impossible date, bad check digits).
 */
export type NinKind = 'fnr' | 'dnr' | 'hnr' | 'tenor' | 'tenor-dnr' | 'syntpop' | 'syntpop-dnr' | 'invalid';

export type NinProblem = 'format' | 'date' | 'check-digits';

export interface NinInfo {
  kind: NinKind;
  /** Date and check digits are right (under the current or the 2032 rules). */
  valid: boolean;
  /** Why it is invalid; the first problem found (format, then date, then check digits). */
  problem?: NinProblem;
  /** Which rule the check digits satisfy. `current` numbers satisfy the 2032 rules too. */
  checkRule?: 'current' | '2032';
  /** The class its offsets give even when the check digits are wrong (for "invalid X-number" messages). */
  shape?: Exclude<NinKind, 'invalid'>;
  dNumber: boolean;
  /** Tenor (+80) or SyntPop (+65): never a real person. */
  synthetic: boolean;
  /** ISO date, when the individual number tells the century. */
  birthDate?: string;
  /** From digit 9 (odd: male); not derivable under the 2032 rules. */
  sex?: Sex;
}

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function digitsOf(nin: string): number[] {
  return [...nin].map((c) => c.charCodeAt(0) - 48);
}

function weighted(d: number[], w: number[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * d[i];
  return s;
}

/** A check digit for weights `w` over the leading digits, or undefined when it would be 10. */
function checkDigit(d: number[], w: number[]): number | undefined {
  const k = (11 - (weighted(d, w) % 11)) % 11;
  return k === 10 ? undefined : k;
}

/** The check digits of the first nine digits under the current rules, or undefined when none exist. */
export function checkDigitsFor(first9: string): string | undefined {
  const d = digitsOf(first9);
  const k1 = checkDigit(d, W1);
  if (k1 === undefined) return undefined;
  const k2 = checkDigit([...d, k1], W2);
  return k2 === undefined ? undefined : `${k1}${k2}`;
}

/**
 * The whole number that ten digits are the start of, when they are one missing only its last check digit
 * (which the first ten fix), else undefined. Ten digits of a number are as good as the number itself.
 */
export function completedFromTen(first10: string): string | undefined {
  if (!/^\d{10}$/.test(first10)) return undefined;
  const k2 = checkDigit(digitsOf(first10), W2);
  if (k2 === undefined) return undefined;
  const nin = `${first10}${k2}`;
  return classifyNin(nin).valid ? nin : undefined;
}

/** Which check-digit rule an 11-digit string satisfies, if any. */
export function checkRuleOf(nin: string): 'current' | '2032' | undefined {
  const d = digitsOf(nin);
  // k2 is the same under both rules.
  if (checkDigit(d, W2) !== d[10]) return undefined;
  // k1: the weighted sum over digits 1–10 (weight 1 on k1) is ≡ 0 now, and may be ≡ 0–3 from 2032.
  const r = (weighted(d, W1) + d[9]) % 11;
  if (r === 0) return 'current';
  return r <= 3 ? '2032' : undefined;
}

/** The birth year's century from the individual number (digits 7–9), or undefined when it tells none. */
export function centuryOf(yy: number, individual: number): number | undefined {
  if (individual <= 499) return 1900;
  if (individual >= 900 && yy >= 40) return 1900;
  if (individual >= 500 && yy <= 39) return 2000;
  if (individual <= 749 && yy >= 54) return 1800;
  return undefined;
}

function daysIn(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface Offsets {
  shape: Exclude<NinKind, 'invalid'>;
  day: number;
  month: number;
  dNumber: boolean;
  synthetic: boolean;
}

/** Strips the day and month offsets; undefined when no class explains them. */
function offsetsOf(dd: number, mm: number): Offsets | undefined {
  const dNumber = dd >= 41 && dd <= 71;
  const day = dNumber ? dd - 40 : dd;
  let base: 'fnr' | 'hnr' | 'tenor' | 'syntpop';
  let month: number;
  if (mm >= 1 && mm <= 12) [base, month] = ['fnr', mm];
  else if (mm >= 41 && mm <= 52) [base, month] = ['hnr', mm - 40];
  else if (mm >= 66 && mm <= 77) [base, month] = ['syntpop', mm - 65];
  else if (mm >= 81 && mm <= 92) [base, month] = ['tenor', mm - 80];
  else return undefined;
  if (day < 1 || day > 31) return undefined;
  if (dNumber && base === 'hnr') return undefined; // no class adds both offsets of 40
  const shape: Offsets['shape'] = base === 'fnr' ? (dNumber ? 'dnr' : 'fnr') : base === 'hnr' ? 'hnr' : dNumber ? `${base}-dnr` : base;
  return { shape, day, month, dNumber, synthetic: base === 'tenor' || base === 'syntpop' };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Classifies an 11-digit string. Anything else (other lengths, non-digits) is `invalid` / `format`. */
export function classifyNin(nin: string): NinInfo {
  const invalid = (problem: NinProblem, o?: Offsets): NinInfo => ({
    kind: 'invalid',
    valid: false,
    problem,
    shape: o?.shape,
    dNumber: o?.dNumber ?? false,
    synthetic: o?.synthetic ?? false,
  });
  if (!/^\d{11}$/.test(nin)) return invalid('format');
  const d = digitsOf(nin);
  const o = offsetsOf(d[0] * 10 + d[1], d[2] * 10 + d[3]);
  if (!o) return invalid('date');
  const yy = d[4] * 10 + d[5];
  const century = centuryOf(yy, d[6] * 100 + d[7] * 10 + d[8]);
  const year = century === undefined ? undefined : century + yy;
  if (o.day > daysIn(o.month, year)) return invalid('date', o);
  const checkRule = checkRuleOf(nin);
  if (!checkRule) return invalid('check-digits', o);
  return {
    kind: o.shape,
    valid: true,
    checkRule,
    shape: o.shape,
    dNumber: o.dNumber,
    synthetic: o.synthetic,
    birthDate: year === undefined ? undefined : `${year}-${pad(o.month)}-${pad(o.day)}`,
    sex: checkRule === 'current' ? (d[8] % 2 === 1 ? 'male' : 'female') : undefined,
  };
}

/**
 * The only form in which a number may be printed: the first six digits (the birth date) and `*****`.
 * Shorter values (a wrong number where one is expected) would show most of themselves, so all stars.
 */
export function maskNin(nin: string): string {
  return nin.length >= 11 ? `${nin.slice(0, 6)}*****` : '*****';
}

/** A small stable hash (FNV-1a) so the synthetic number depends only on what it keeps. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A Tenor-style synthetic number (month + 80) with the same birth date, sex and D-number offset,
 * valid check digits under the current rules. Deterministic, and computed from the birth date and sex
 * only, so it reveals nothing of the original's individual digits. Undefined for invalid input.
 * It may not exist in SyntPop: fine for unit tests that never call NHN.
 */
export function syntheticFor(nin: string): string | undefined {
  const info = classifyNin(nin);
  if (!info.valid) return undefined;
  const d = digitsOf(nin);
  const dd = nin.slice(0, 2);
  const mm = d[2] * 10 + d[3];
  const month = mm >= 81 ? mm - 80 : mm >= 66 ? mm - 65 : mm >= 41 ? mm - 40 : mm;
  const yy = d[4] * 10 + d[5];
  const century = centuryOf(yy, d[6] * 100 + d[7] * 10 + d[8]);
  const prefix = `${dd}${pad(month + 80)}${pad(yy)}`;
  const start = fnv1a(`${prefix}|${info.sex ?? ''}`) % 1000;
  for (let step = 0; step < 1000; step++) {
    const individual = (start + step) % 1000;
    if (centuryOf(yy, individual) !== century) continue;
    if (info.sex && (individual % 2 === 1) !== (info.sex === 'male')) continue;
    const first9 = prefix + pad(individual, 3);
    const check = checkDigitsFor(first9);
    if (check) return first9 + check;
  }
  return undefined;
}
