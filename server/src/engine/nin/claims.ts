// Places where a text says "this is an identity number": a FHIR identifier with the fødselsnummer or
// D-number system (JSON or XML), and a KITH `<Ident>` whose `<TypeId V="FNR|DNR|HNR">`. There a wrong
// number is reported as such; elsewhere only valid numbers are. Text patterns, bounded in length, so
// a malformed document degrades to fewer claims, never to an error.

export interface Claim {
  /** Offsets of the value, trimmed of surrounding spaces. */
  start: number;
  end: number;
  value: string;
  /** What the context says the number is. */
  claimed: 'fnr' | 'dnr' | 'hnr';
}

/** FHIR identifier systems for identity numbers (NHN-FACTS §5). */
export const FHIR_SYSTEMS: Record<string, Claim['claimed']> = {
  'urn:oid:2.16.578.1.12.4.1.4.1': 'fnr',
  'http://hl7.no/fhir/NamingSystem/FNR': 'fnr',
  'urn:oid:2.16.578.1.12.4.1.4.2': 'dnr',
  'http://hl7.no/fhir/NamingSystem/DNR': 'dnr',
};
export const KITH_TYPES: Record<string, Claim['claimed']> = { FNR: 'fnr', DNR: 'dnr', HNR: 'hnr' };

/** Digits, possibly spaced: a value that means to be a number (templates like `${fnr}` do not). */
const NUMBERISH = /^\d[\d ]*$/;

export function claim(text: string, start: number, end: number, claimed: Claim['claimed']): Claim | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const value = text.slice(start, end);
  return NUMBERISH.test(value) ? { start, end, value, claimed } : undefined;
}

/**
 * The `{…}` object around `offset` in JSON text, bounded to `limit` characters each way. `plainQuotes`:
 * the JSON is as written (string-aware scan); false when it sits in a code string literal with its
 * quotes escaped (`\"`) or doubled (`""`), where strings cannot be told apart reliably and only braces
 * count (identifier values hold no braces).
 */
function enclosingObject(text: string, offset: number, plainQuotes: boolean, limit = 1000): [number, number] | undefined {
  let depth = 0;
  let open = -1;
  for (let i = offset; i >= Math.max(0, offset - limit); i--) {
    const c = text[i];
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return undefined;
  let inString = false;
  depth = 0;
  for (let i = open; i < Math.min(text.length, open + 2 * limit); i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"' && plainQuotes) inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return [open, i + 1];
  }
  return undefined;
}

/** A JSON quote as written, or inside a code string: `\"` (C#, Java, Kotlin, JS) or `""` (C# verbatim, VB). */
const Q = String.raw`(?:\\"|""|")`;
const SYSTEM = new RegExp(String.raw`${Q}system${Q}\s*:\s*${Q}(?<system>[^"\\]{1,100})${Q}`, 'g');
const VALUE = new RegExp(String.raw`${Q}value${Q}\s*:\s*${Q}(?<value>[^"\\]{0,40})${Q}`, 'gd');

function fhirJsonClaims(text: string): Claim[] {
  const out: Claim[] = [];
  SYSTEM.lastIndex = 0;
  for (let m = SYSTEM.exec(text); m; m = SYSTEM.exec(text)) {
    const claimed = FHIR_SYSTEMS[m.groups!.system];
    if (!claimed) continue;
    const obj = enclosingObject(text, m.index, m[0].startsWith('"') && !m[0].startsWith('""'));
    if (!obj) continue;
    VALUE.lastIndex = obj[0];
    const v = VALUE.exec(text);
    if (!v || v.index >= obj[1]) continue;
    const [start, end] = v.indices!.groups!.value;
    const c = claim(text, start, end, claimed);
    if (c) out.push(c);
  }
  return out;
}

function attrValue(block: string, element: string): { at: number; value: string } | undefined {
  const re = new RegExp(`<(?:[\\w.-]+:)?${element}\\b[^<>]*?\\bvalue\\s*=\\s*\\\\?(["'])([^"'<\\\\]{0,200})\\\\?\\1`);
  const m = re.exec(block);
  if (!m) return undefined;
  return { at: m.index + m[0].length - 1 - m[2].length, value: m[2] };
}

function fhirXmlClaims(text: string): Claim[] {
  const out: Claim[] = [];
  const identifier = /<((?:[\w.-]+:)?identifier)\b[^<>]*>([\s\S]{0,3000}?)<\/\1\s*>/g;
  for (let m = identifier.exec(text); m; m = identifier.exec(text)) {
    const bodyStart = m.index + m[0].indexOf('>') + 1;
    const body = m[2];
    const claimed = FHIR_SYSTEMS[attrValue(body, 'system')?.value ?? ''];
    const value = attrValue(body, 'value');
    if (!claimed || !value) continue;
    const c = claim(text, bodyStart + value.at, bodyStart + value.at + value.value.length, claimed);
    if (c) out.push(c);
  }
  return out;
}

/**
 * KITH pairs an `<Id>` with its `<TypeId V="FNR" …/>` sibling, inside `<Ident>` (MsgHead) or another
 * wrapper (`<Fodselsnummer>` in sykmelding): take the pair wherever it stands, in either order.
 */
const PREFIX = String.raw`(?:[\w.-]+:)?`;
const KITH_ID = String.raw`<(?<tag>${PREFIX}Id)\s*>(?<value>[^<]{0,200})</\k<tag>\s*>`;
// Quotes may be escaped (`V=\"FNR\"`) when the XML sits in a string literal.
const KITH_TYPE = String.raw`<${PREFIX}TypeId\b[^<>]*?\bV\s*=\s*\\?["'](?<type>[A-Z]{2,4})\\?["'][^<>]*>`;
const GAP = String.raw`(?:\s|<!--[\s\S]{0,200}?-->)*`;
const KITH_PAIRS = [new RegExp(KITH_ID + GAP + KITH_TYPE, 'gd'), new RegExp(KITH_TYPE + GAP + KITH_ID, 'gd')];

function kithClaims(text: string): Claim[] {
  const out: Claim[] = [];
  for (const pair of KITH_PAIRS) {
    pair.lastIndex = 0;
    for (let m = pair.exec(text); m; m = pair.exec(text)) {
      const claimed = KITH_TYPES[m.groups!.type];
      const [start, end] = m.indices!.groups!.value;
      const c = claimed && claim(text, start, end, claimed);
      if (c) out.push(c);
    }
  }
  return out;
}

/**
 * Every claimed identity number in a text that is not parsed as XML (code, Markdown, JSON, or XML
 * embedded in strings), by text patterns; XML documents use xmlClaims over the shared parse instead.
 */
export function findClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  if (text.includes('<') && text.includes('TypeId')) claims.push(...kithClaims(text));
  if (text.includes('<') && text.includes('identifier')) claims.push(...fhirXmlClaims(text));
  if (text.includes('system')) claims.push(...fhirJsonClaims(text));
  claims.sort((a, b) => a.start - b.start);
  return claims.filter((c, i) => i === 0 || c.start !== claims[i - 1].start);
}
