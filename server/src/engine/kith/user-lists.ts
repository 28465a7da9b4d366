// Code lists the user supplies: Volven exports (XML and CSV) and FHIR CodeSystem resources (JSON or
// XML, `urn:oid:` identifier or a `…/no-kodeverk-NNNN` url). Read tolerantly: Volven's layouts are
// recognised by their field names (HL7 Norway's Volven → CodeSystem mapping names the fields Volven
// shows: per list Navn, Beskrivelse, OID; per code Kode, Kodetekst, Beskrivelse, where Beskrivelse is
// the code's definition, not its display), so a renamed column or an extra one does not lose the list.
// A file that is not a code list yields no list and says why (the user is told: settings, CLI).

import { attribute, childElements, elements, parseXml, textOf, type XmlElement } from '../xml/parse';
import { OID_PREFIX, type Code, type CodeList, type ListOrigin } from './model';
import { KITH_NS } from './xml-util';

const OID_IN = /(?:urn:oid:)?(2\.16\.578\.1\.12\.4\.1\.1\.\d{4})\b/;
const KODEVERK_URL = /\/no-kodeverk-(\d{4})(?:$|[^\d])/;
const CODE_FIELDS = ['kode', 'kodeverdi', 'verdi', 'code', 'v', 'value', 'kodeverdien'];
// Beskrivelse last: in Volven it is a code's definition, used only when a file has no display field at all.
const DISPLAY_FIELDS = ['kodetekst', 'navn', 'tekst', 'term', 'display', 'dn', 'kortnavn', 'name', 'betegnelse', 'beskrivelse'];
const EN_FIELDS = ['engelsknavn', 'navnengelsk', 'englishname', 'displayen', 'engelsk', 'en'];
const OID_FIELDS = ['oid', 'kodeverkoid', 'kodeverk', 'kodeverknr', 'kodeverksnummer', 'kodeverkid', 'system', 's'];
const LIST_NAME_FIELDS = ['kodeverknavn', 'kodeverksnavn', 'systemtitle', 'title'];
const MAX_CODES = 200_000;

/** Why a file gave no code list (each has an en+nb text in messages.ts). */
export type LoadReason =
  | 'missing'
  | 'unreadable'
  | 'empty-folder'
  | 'unsupported'
  | 'malformed-xml'
  | 'malformed-json'
  | 'not-codesystem'
  | 'other-document'
  | 'no-oid'
  | 'no-oid-csv'
  | 'no-code-column'
  | 'no-codes';

export interface ReadResult {
  lists: CodeList[];
  /** Set when `lists` is empty: why. `detail` is quoted in the message (a parser's error, a resourceType). */
  problem?: { reason: LoadReason; detail?: string };
}

const failed = (reason: LoadReason, detail?: string): ReadResult => ({ lists: [], problem: detail ? { reason, detail } : { reason } });
const found = (lists: CodeList[]): ReadResult => (lists.length ? { lists } : failed('no-codes'));

const norm = (name: string) => name.toLowerCase().replace(/[^a-zæøå]/g, '');

/** A Volven list number or OID in a value: `8221`, `2.16.578.1.12.4.1.1.8221`, `urn:oid:…`. */
function oidOf(value: string | undefined, bareNumber: boolean): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const m = OID_IN.exec(v);
  if (m) return m[1];
  if (bareNumber && /^\d{4}$/.test(v)) return OID_PREFIX + v;
  const u = KODEVERK_URL.exec(v);
  return u ? OID_PREFIX + u[1] : undefined;
}

/** From a file name: `8221.csv`, `kodeverk-8221.xml`, `2.16.578.1.12.4.1.1.8221.csv`. */
function oidFromFileName(file: string): string | undefined {
  const name = file.split(/[\\/]/).pop() ?? '';
  const number = /(?:^|[^\d.])(\d{4})(?:\D|$)/.exec(name)?.[1];
  return oidOf(name, false) ?? (number ? OID_PREFIX + number : undefined);
}

function pick(fields: Map<string, string>, names: string[]): string | undefined {
  for (const n of names) {
    const v = fields.get(n);
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return undefined;
}

interface Gathered {
  name?: string;
  codes: Map<string, Code>;
}

function finish(byOid: Map<string, Gathered>, complete: boolean, origin: ListOrigin): CodeList[] {
  const out: CodeList[] = [];
  for (const [oid, l] of byOid) {
    if (l.codes.size === 0) continue;
    const name = l.name ?? oid.slice(OID_PREFIX.length);
    out.push({ oid, name: { en: name, nb: name }, complete, codes: [...l.codes.values()], origin });
  }
  return out;
}

function addCode(target: { codes: Map<string, Code> }, code: string | undefined, nb: string | undefined, en?: string): void {
  if (!code || /\s/.test(code) || code.length > 64 || target.codes.size >= MAX_CODES || target.codes.has(code)) return;
  target.codes.set(code, en ? { code, nb: nb ?? code, en } : { code, nb: nb ?? code });
}

// ---- FHIR CodeSystem ----------------------------------------------------------------------------

interface FhirConcept {
  code?: string;
  display?: string;
  designation?: { language?: string; value?: string }[];
  concept?: FhirConcept[];
}

function fhirOid(url: string | undefined, identifiers: string[]): string | undefined {
  for (const id of identifiers) {
    const o = oidOf(id, false);
    if (o) return o;
  }
  return oidOf(url, false);
}

function fhirList(oid: string | undefined, name: string | undefined, content: string | undefined, concepts: FhirConcept[], file: string): ReadResult {
  if (!oid) return failed('no-oid');
  const target = { name, codes: new Map<string, Code>() };
  const stack = [...concepts];
  while (stack.length) {
    const c = stack.shift()!;
    const en = c.designation?.find((d) => /^en\b/i.test(d.language ?? ''))?.value;
    const nb = c.designation?.find((d) => /^(nb|no)\b/i.test(d.language ?? ''))?.value ?? c.display;
    addCode(target, c.code, nb, en);
    if (c.concept) stack.push(...c.concept);
  }
  // Only content "complete" makes unknown codes errors; fragment, example and not-present do not.
  return found(finish(new Map([[oid, target]]), content === 'complete', { kind: 'fhir-codesystem', file }));
}

function fromFhirJson(text: string, file: string): ReadResult {
  let json: {
    resourceType?: string;
    url?: string;
    identifier?: { value?: string }[];
    title?: string;
    name?: string;
    content?: string;
    concept?: FhirConcept[];
  };
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return failed('malformed-json', (err as Error).message);
  }
  if (json?.resourceType !== 'CodeSystem') return failed('not-codesystem', typeof json?.resourceType === 'string' ? json.resourceType : '—');
  const ids = (json.identifier ?? []).map((i) => i.value ?? '');
  return fhirList(fhirOid(json.url, ids), json.title ?? json.name, json.content, json.concept ?? [], file);
}

const childValue = (el: XmlElement | undefined, local: string) => (el ? childElements(el, local).map((c) => attribute(c, 'value')?.value)[0] : undefined);

function fhirXmlConcept(el: XmlElement): FhirConcept {
  return {
    code: childValue(el, 'code'),
    display: childValue(el, 'display'),
    designation: childElements(el, 'designation').map((d) => ({ language: childValue(d, 'language'), value: childValue(d, 'value') })),
    concept: childElements(el, 'concept').map(fhirXmlConcept),
  };
}

function fromFhirXml(root: XmlElement, file: string): ReadResult {
  const ids = childElements(root, 'identifier').map((i) => childValue(i, 'value') ?? '');
  return fhirList(
    fhirOid(childValue(root, 'url'), ids),
    childValue(root, 'title') ?? childValue(root, 'name'),
    childValue(root, 'content'),
    childElements(root, 'concept').map(fhirXmlConcept),
    file,
  );
}

// ---- Volven XML -----------------------------------------------------------------------------------

/** An element's simple fields: its attributes and its text-only children, by normalised local name. */
function fieldsOf(el: XmlElement): Map<string, string> {
  const fields = new Map<string, string>();
  for (const a of el.attributes) if (a.prefix !== 'xmlns' && a.name !== 'xmlns') fields.set(norm(a.local), a.value);
  for (const c of childElements(el)) if (!c.children.some((n) => n.kind === 'element')) fields.set(norm(c.local), textOf(c));
  return fields;
}

function fromVolvenXml(root: XmlElement, file: string): ReadResult {
  const byOid = new Map<string, Gathered>();
  const fileOid = oidFromFileName(file);
  let codesWithoutList = 0;
  // The nearest ancestor that names a list (an OID field) owns the codes below it.
  const listOf = new Map<XmlElement, string | undefined>();
  for (const el of elements(root)) {
    const fields = fieldsOf(el);
    // `S` and `system` name a list in a coded value, not the list a file holds: only OID-named fields count here.
    const own = OID_FIELDS.filter((n) => n !== 's' && n !== 'system')
      .map((n) => oidOf(fields.get(n), true))
      .find(Boolean);
    const inherited = el.parent ? listOf.get(el.parent) : undefined;
    const oid = own ?? inherited;
    listOf.set(el, oid);
    const code = pick(fields, CODE_FIELDS);
    const display = pick(fields, DISPLAY_FIELDS);
    if (own && !code) {
      const entry: Gathered = byOid.get(own) ?? { codes: new Map() };
      entry.name ??= pick(fields, [...LIST_NAME_FIELDS, 'navn', 'name']);
      byOid.set(own, entry);
      continue;
    }
    if (!code || display === undefined) continue;
    const target = oid ?? fileOid;
    if (!target) {
      codesWithoutList++;
      continue;
    }
    const entry: Gathered = byOid.get(target) ?? { codes: new Map() };
    byOid.set(target, entry);
    addCode(entry, code, display, pick(fields, EN_FIELDS));
  }
  // A Volven export is the whole list as published.
  const lists = finish(byOid, true, { kind: 'volven-xml', file });
  return lists.length || !codesWithoutList ? found(lists) : failed('no-oid-csv');
}

// ---- Volven CSV -----------------------------------------------------------------------------------

/** RFC 4180-style rows (quoted fields, doubled quotes, newlines inside quotes). */
function csvRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > MAX_CODES) break;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

const unquote = (cell: string) =>
  cell
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/** The list's name from the lines above the header: a title "8279 Meldingens funksjon", or a Navn field over its value. */
function preambleName(lines: string[], delimiter: string): string | undefined {
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i].split(delimiter).map(unquote);
    const titled = /^\d{4}\s+(.+)$/.exec(cells[0]);
    if (titled && cells.slice(1).every((c) => c === '')) return titled[1];
    const at = cells.findIndex((c) => [...LIST_NAME_FIELDS, 'navn', 'name'].includes(norm(c)));
    const value = at >= 0 ? unquote(lines[i + 1]?.split(delimiter)[at] ?? '') : '';
    if (value) return value;
  }
  return undefined;
}

function fromCsv(text: string, file: string): ReadResult {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n/, 20);
  // Volven puts a title line or two above the header: the header is the first line naming a code column.
  const headerIndex = lines.findIndex((l) => l.split(/[;,\t]/).some((h) => CODE_FIELDS.includes(norm(h))));
  if (headerIndex < 0) return failed('no-code-column');
  const header = lines[headerIndex];
  const delimiter = [';', '\t', ','].map((d) => [d, header.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const rows = csvRows(body, delimiter);
  // Title lines above the header hold no quoted newlines: rows and lines agree up to the header.
  const start = headerIndex;
  const names = rows[start]?.map(norm) ?? [];
  const col = (wanted: string[]) => wanted.map((w) => names.indexOf(w)).find((i) => i >= 0);
  const codeCol = col(CODE_FIELDS);
  const displayCol = col(DISPLAY_FIELDS);
  const enCol = col(EN_FIELDS);
  const oidCol = col(OID_FIELDS.filter((n) => n !== 's'));
  const nameCol = col(LIST_NAME_FIELDS);
  if (codeCol === undefined) return failed('no-code-column');
  const preamble = lines.slice(0, headerIndex).join(' ');
  // Volven's title line starts with the list number: "8279 Meldingens funksjon".
  const titled = /^\s*"?(\d{4})\s/.exec(preamble)?.[1];
  const fileOid = oidOf(preamble, false) ?? (titled ? OID_PREFIX + titled : oidFromFileName(file));
  const listName = preambleName(lines.slice(0, headerIndex), delimiter);
  const byOid = new Map<string, Gathered>();
  let codesWithoutList = 0;
  for (const row of rows.slice(start + 1)) {
    const oid = (oidCol !== undefined ? oidOf(row[oidCol], true) : undefined) ?? fileOid;
    if (!oid) {
      if (row[codeCol]?.trim()) codesWithoutList++;
      continue;
    }
    const entry: Gathered = byOid.get(oid) ?? { codes: new Map() };
    byOid.set(oid, entry);
    if (nameCol !== undefined && row[nameCol]?.trim()) entry.name ??= row[nameCol].trim().replace(/^\d{4}\s+/, '');
    if (oid === fileOid) entry.name ??= listName;
    addCode(
      entry,
      row[codeCol]?.trim(),
      displayCol !== undefined ? row[displayCol]?.trim() : undefined,
      enCol !== undefined ? row[enCol]?.trim() || undefined : undefined,
    );
  }
  const lists = finish(byOid, true, { kind: 'volven-csv', file });
  return lists.length || !codesWithoutList ? found(lists) : failed('no-oid-csv');
}

/** The code lists in one file, or why there are none. */
export function readCodeLists(file: string, text: string): ReadResult {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return fromFhirJson(text, file);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return fromCsv(text, file);
  if (!lower.endsWith('.xml')) return failed('unsupported');
  const xml = parseXml(text);
  const root = xml.root;
  // A broken file would give half a list, whose missing codes would then be errors: all or nothing.
  if (!root || xml.errors.length) return failed('malformed-xml', xml.errors[0]?.message);
  if (root.local === 'CodeSystem' && root.ns === 'http://hl7.org/fhir') return fromFhirXml(root, file);
  // A KITH message, FHIR resource or schema is not a code list, whatever its name.
  if (root.ns && (KITH_NS.test(root.ns) || /hl7\.org\/fhir|XMLSchema|oasis-open/.test(root.ns))) return failed('other-document', root.local);
  return fromVolvenXml(root, file);
}

/** The code lists in one file (none when it is not a code list). */
export function readCodeListFile(file: string, text: string): CodeList[] {
  return readCodeLists(file, text).lists;
}
