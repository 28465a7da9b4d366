// The one path every outgoing text takes (findings, hovers, titles, labels, logs, errors, CLI output):
// any valid national identity number in it is masked the way the nin rule masks it (birth date +
// `*****`), and long values are cut to a short head … tail. The adapters call this at their output
// boundary (the LSP message writer, the CLI's stdout and stderr, the extension's channels), so a check
// that quotes a value can never print a whole number, whatever it quotes. It lives in shared/ because the
// server, the CLI and the extension all send text through it; it knows findings only by their shape.

import { classifyNin, completedFromTen } from './nin-classify';

/** The parts of a fix that are text for a person (the engine's Fix has this shape). */
interface OutgoingFix {
  title: string;
  command?: { command: string; title: string; arguments?: unknown[] };
}
/** The parts of a finding that are text for a person (the engine's Finding has this shape). */
interface OutgoingFinding<X extends OutgoingFix> {
  message: string;
  fixes?: X[];
  data?: Record<string, unknown>;
}

/** One character between digit groups that still reads as one number: `010180 12345`, `010180-12345`, `0.1.0.1…`. */
const isSeparator = (c: string | undefined) => c === ' ' || c === '\u00a0' || c === '.' || c === '-' || c === '_';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
/** The day and month digits of a number (offsets included) before the check digits are worth computing. */
const PLAUSIBLE_DATE = /^(?:[0-6]\d|7[01])[014-9]\d/;

/**
 * Text positions of the digits to hide: the individual number and check digits (digits 7–11) of every
 * valid identity number. A number is any 11 digits in a row of a digit chain, where a chain is digits
 * joined by at most one separator each, so `x01018012345y`, `010180 12345`, a number inside a longer
 * digit run and one spelled `0 1 0 1 8 0 …` are all found. Digits that form no valid number (dates,
 * HER-ids, organisation numbers, counts) are left alone. A chain of exactly ten digits that is a valid
 * number without its last check digit is hidden too: the first ten digits fix the eleventh.
 */
export function identityDigitsIn(text: string): number[] {
  const hidden: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const positions: number[] = [];
    while (i < n) {
      while (i < n && isDigit(text[i])) positions.push(i++);
      if (isSeparator(text[i]) && isDigit(text[i + 1])) i++;
      else break;
    }
    if (positions.length === 10) {
      // Ten digits fix the eleventh (a number split by markup, one part quoted): hidden like a whole one.
      // Only a free-standing run: ten digits inside a hex or base64 token (a sha256, a fingerprint) are not a number.
      const ten = positions.map((p) => text[p]).join('');
      const free = !isLetter(text[positions[0] - 1]) && !isLetter(text[positions[9] + 1]);
      if (free && PLAUSIBLE_DATE.test(ten) && completedFromTen(ten)) hidden.push(...positions.slice(6));
      continue;
    }
    if (positions.length < 11) continue;
    const digits = positions.map((p) => text[p]).join('');
    let hiddenUpTo = -1;
    for (let w = 0; w + 11 <= digits.length; w++) {
      const candidate = digits.slice(w, w + 11);
      if (!PLAUSIBLE_DATE.test(candidate) || !classifyNin(candidate).valid) continue;
      for (let k = Math.max(w + 6, hiddenUpTo + 1); k < w + 11; k++) hidden.push(positions[k]);
      hiddenUpTo = w + 10;
    }
  }
  return hidden;
}

/** Ten digits at least: fewer cannot hold a number (`identityDigitsIn` hides digits of chains of ten or more only). */
function hasTenDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits === 10) return true;
  }
  return false;
}

/** `text` with every valid identity number masked as its birth date and `*****` (one star per hidden digit). */
export function maskIdentityNumbers(text: string): string {
  if (!hasTenDigits(text)) return text;
  const hidden = identityDigitsIn(text);
  if (hidden.length === 0) return text;
  const chars: string[] = [];
  let from = 0;
  for (const p of hidden) {
    chars.push(text.slice(from, p), '*');
    from = p + 1;
  }
  chars.push(text.slice(from));
  return chars.join('');
}

/** Longest value quoted whole; longer ones keep a head and a tail around `…`. */
export const MAX_QUOTED = 160;
/** A run of non-space characters longer than this (a base64 body, a minified line) is cut; URLs get more room. */
export const MAX_TOKEN = 200;
const MAX_URL = 2048;
/** A finding's message, a title, a label: one readable sentence or a few, never a dump. */
export const MAX_MESSAGE = 1500;

/** `value` cut to about `max` characters: its head, `…`, and its tail (so a 64 KB payload shows ~`max`). */
export function boundValue(value: string, max = MAX_QUOTED): string {
  if (value.length <= max) return value;
  const tail = Math.max(8, Math.floor(max / 4));
  const head = max - tail - 1;
  // Never split a surrogate pair.
  const h = /[\ud800-\udbff]$/.test(value.slice(0, head)) ? head - 1 : head;
  const t = /^[\udc00-\udfff]/.test(value.slice(value.length - tail)) ? tail - 1 : tail;
  return `${value.slice(0, h)}…${value.slice(value.length - t)}`;
}

/** Every overlong run of non-space characters in `text` cut to a head … tail. */
export function boundTokens(text: string): string {
  if (text.length <= MAX_TOKEN) return text;
  return text.replace(/\S{201,}/g, (token) => {
    const url = /^(?:\[[^\]]*\]\()?(?:https?|file):\/\//.test(token);
    return url ? boundValue(token, MAX_URL) : boundValue(token, MAX_TOKEN);
  });
}

/** The outgoing form of any text shown to a person or written to a log: numbers masked, long values cut. */
export function outgoingText(text: string): string {
  return maskIdentityNumbers(boundTokens(text));
}

/** A finding as it may leave the engine: message, fix titles and command titles through `outgoingText`. Edits are untouched. */
export function outgoingFinding<X extends OutgoingFix, F extends OutgoingFinding<X>>(f: F): F {
  const message = boundValue(outgoingText(f.message), MAX_MESSAGE);
  const fixes = f.fixes?.map(outgoingFix);
  const hoverDetail = typeof f.data?.hoverDetail === 'string' ? outgoingText(f.data.hoverDetail) : undefined;
  const sameFixes = !fixes || fixes.every((x, i) => x === f.fixes![i]);
  if (message === f.message && sameFixes && hoverDetail === f.data?.hoverDetail) return f;
  return { ...f, message, fixes: sameFixes ? f.fixes : fixes, data: hoverDetail === f.data?.hoverDetail ? f.data : { ...f.data, hoverDetail } };
}

function outgoingFix<X extends OutgoingFix>(fix: X): X {
  const title = boundValue(outgoingText(fix.title), MAX_MESSAGE);
  const commandTitle = fix.command ? boundValue(outgoingText(fix.command.title), MAX_MESSAGE) : undefined;
  if (title === fix.title && commandTitle === fix.command?.title) return fix;
  return { ...fix, title, command: fix.command ? { ...fix.command, title: commandTitle! } : undefined };
}

/**
 * Keys whose strings are not text for a person but data the receiver acts on: the document a message is
 * about (the client's own identifier, compared byte for byte) and the text an edit inserts (what the user
 * asked for; a fix never inserts a number the document did not have, and its synthetic stand-in is no person).
 */
export const VERBATIM_KEYS: ReadonlySet<string> = new Set(['uri', 'targetUri', 'newText', 'insertText', 'jsonrpc', 'method']);

/**
 * `value` (a JSON-shaped message) with every string passed through `outgoingText`, except under
 * VERBATIM_KEYS and the keys of a WorkspaceEdit's `changes` (document URIs). Unchanged parts are
 * shared, not copied; the original is never modified.
 */
export function outgoingJson<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') return key !== undefined && VERBATIM_KEYS.has(key) ? value : outgoingText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = walk(value[i], key === 'arguments' ? undefined : key);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const k of Object.keys(record)) {
    // `changes: { [uri]: TextEdit[] }`: the keys are documents, the values edits.
    const v = key === 'changes' ? walk(record[k], 'changes-entry') : walk(record[k], k);
    if (v !== record[k]) (out ??= { ...record })[k] = v;
  }
  return out ?? value;
}
