// Finds identity-number candidates in free text: 11 digits (or `DDMMYY IIIKK`) standing alone.
// The check digits do most of the filtering; these boundaries and contexts keep out the digit runs
// that are something else: longer numbers, UUIDs, hex, version strings, decimals, timestamps,
// phone numbers, base64, and numbers a nearby word calls an account, KID, phone or organisation number.

export interface Candidate {
  /** Offsets of the number in the text (a spaced form spans the space). */
  start: number;
  end: number;
  /** The 11 digits, without the space. */
  digits: string;
}

const CANDIDATE = /\d{6} ?\d{5}/g;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
const isHexish = (c: string | undefined) => c !== undefined && /[0-9A-Fa-f]/.test(c);

/**
 * Words before a number, on the same line, that say it is not an identity number. A word saying it
 * is one (fnr, fødselsnummer, patient…) after such a word wins: `konto for pasient 01018012345`.
 */
const NOT_A_NIN =
  /(?:konto|account|acct|iban|bban|\bkid|faktura|invoice|ordre|order|tlf|telefon|phone|mobil|\btel\b|fax|org\.?\s*nr|orgnr|orgno|organi[sz]ation|organisasjon|her-?id|\bher\b|hpr|serial|serie|thumbprint|fingerprint|timestamp|epoch|millis|version|versjon|build|checksum|hash|sequence|sekvens|\bpin\b|uuid|guid)\w*/giu;
const IS_A_NIN = /(?:fnr|f[øo]dselsn|personn|\bpid\b|\bnin\b|\bssn\b|\bd-?nummer|\bdnr\b|identitetsn|ident|pasient|patient|person)/giu;

function lastIndexOfMatch(re: RegExp, text: string): number {
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  return last;
}

/** True when the words before the number on its line call it something else. */
function excludedByContext(text: string, start: number): boolean {
  // At most 60 characters back, and not past the line start (bounded, so long lines stay linear).
  const window = text.slice(Math.max(0, start - 60), start);
  const before = window.slice(window.lastIndexOf('\n') + 1);
  // Every excluding word starts with an ASCII letter: a run of numbers and commas (a list of identity
  // numbers, a CSV column) needs no regex at all.
  if (!/[A-Za-z]/.test(before)) return false;
  const not = lastIndexOfMatch(NOT_A_NIN, before);
  if (not < 0) return false;
  return lastIndexOfMatch(IS_A_NIN, before) < not;
}

/** A line that is one long base64/hex token (attachments, certificates, signatures). */
function inEncodedBlob(text: string, start: number, end: number): boolean {
  // Looked at no further than a blob's least length on each side: a megabyte-long token with many
  // digit runs in it must not be walked once per run.
  let a = start;
  let b = end;
  while (a > 0 && start - a < 80 && /[A-Za-z0-9+/=]/.test(text[a - 1])) a--;
  while (b < text.length && b - end < 80 && /[A-Za-z0-9+/=]/.test(text[b])) b++;
  if (b - a < 40) return false;
  if (b - a >= 76) return true;
  // Shorter tokens count as encoded when they fill their line (nothing but spaces around them).
  const onlySpaceBefore = /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, a - 200), a));
  const onlySpaceAfter = /^[ \t\r]*(?:\n|$)/.test(text.slice(b, b + 200));
  return onlySpaceBefore || onlySpaceAfter;
}

function standsAlone(text: string, start: number, end: number, spaced: boolean): boolean {
  const p = text[start - 1];
  const pp = text[start - 2];
  const n = text[end];
  const nn = text[end + 1];
  // Inside a longer run, a word, or an identifier (0x…, abc123…).
  if (isDigit(p) || isDigit(n)) return false;
  if (isWord(p)) return false;
  // A Java/Kotlin long literal `01018012345L` is still a number; so is one followed by `_` (the local
  // part of an example address, `<number>_test@…`, a file name `<number>_journal.pdf`): any other
  // trailing letter or digit is not.
  if (isWord(n) && n !== '_' && !(/[lL]/.test(n) && !isWord(nn))) return false;
  // Part of a dotted or timed sequence (1.2.…, 12:…, decimals) or a dashed one (UUID groups, dates).
  if ((p === '.' || p === ':') && isDigit(pp)) return false;
  if ((n === '.' || n === ':') && isDigit(nn)) return false;
  if (p === '-' && isHexish(pp)) return false;
  if (n === '-' && isHexish(nn)) return false;
  if (p === '+' || p === '@') return false;
  // `#` opens an issue reference or a hash (`#01018012345` at a line's start or after a space), but
  // joins a system and its value in generated FHIR narrative (`urn:oid:2.16.578.1.12.4.1.4.1#<number>`,
  // `…/FNR#<number>`) and ends a URL before a fragment: there the number is the value.
  if (p === '#' && (pp === undefined || /\s/.test(pp))) return false;
  // The spaced form must not be part of a longer spaced sequence (`12 010180 12345 6`).
  if (spaced && ((p === ' ' && isDigit(pp)) || (n === ' ' && isDigit(nn)))) return false;
  return true;
}

/** Candidates in `text` that could be identity numbers, in order, one at a time (a file may hold millions). */
export function* scanCandidates(text: string): Generator<Candidate> {
  // Its own regex object: two scans may be suspended at once (the generator yields mid-loop).
  const candidate = new RegExp(CANDIDATE.source, 'g');
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const spaced = m[0].length === 12;
    if (!standsAlone(text, start, end, spaced)) {
      // Resume one past the start so an overlapping, better-bounded candidate is still seen.
      candidate.lastIndex = start + 1;
      continue;
    }
    if (excludedByContext(text, start) || inEncodedBlob(text, start, end)) continue;
    yield { start, end, digits: spaced ? m[0].replace(' ', '') : m[0] };
  }
}
