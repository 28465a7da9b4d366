// Suppression comments: `nhn-ignore-next-line <rule-id>…` and `nhn-ignore-file <rule-id>…`, written in
// the file's own comment syntax. A rule id may be a family (`host`); no id means every rule. A
// suppression that suppresses nothing is itself reported, as a hint, so stale ones get cleaned up.

import type { AnalyzedDocument, Finding, Language } from './types';
import { t } from './messages';
import { FAMILIES } from './types';

export const UNUSED_SUPPRESSION = 'suppression/unused';

const SLASH = ['//', '/*'];
const HASH = ['#'];
/** Comment openers by VS Code language id; unknown languages accept any of these, plain text accepts none needed. */
const OPENERS: Record<string, string[]> = {
  csharp: SLASH,
  java: SLASH,
  kotlin: SLASH,
  scala: SLASH,
  go: SLASH,
  swift: SLASH,
  dart: SLASH,
  rust: SLASH,
  c: SLASH,
  cpp: SLASH,
  typescript: SLASH,
  typescriptreact: SLASH,
  javascript: SLASH,
  javascriptreact: SLASH,
  php: [...SLASH, '#'],
  groovy: SLASH,
  fsharp: [...SLASH, '(*'],
  bicep: SLASH,
  json: SLASH,
  jsonc: SLASH,
  yaml: HASH,
  python: HASH,
  shellscript: HASH,
  dotenv: HASH,
  ruby: HASH,
  toml: HASH,
  dockerfile: HASH,
  makefile: HASH,
  powershell: HASH,
  properties: ['#', '!'],
  ini: ['#', ';'],
  terraform: [...HASH, ...SLASH],
  http: [...HASH, '//'],
  xml: ['<!--'],
  html: ['<!--'],
  markdown: ['<!--'],
  sql: ['--', '/*'],
  vb: ["'"],
};
const ANY = [...new Set(Object.values(OPENERS).flat())];
const FREE_TEXT = new Set(['plaintext', 'csv']);

/** Languages where a suppression comment would break the file (strict JSON) or has no syntax to live in. */
const NO_COMMENT = new Set(['json', 'plaintext', 'csv']);

/**
 * The comment line that suppresses `ruleId` on the following line (or the whole file), in the
 * language's own comment syntax; undefined where the language has no comments to write it in.
 */
export function suppressionComment(languageId: string, ruleId: string, kind: 'next-line' | 'file', indent = ''): string | undefined {
  if (NO_COMMENT.has(languageId)) return undefined;
  const opener = OPENERS[languageId]?.[0];
  if (!opener) return undefined;
  const close = opener === '<!--' ? ' -->' : opener === '/*' ? ' */' : opener === '(*' ? ' *)' : '';
  return `${indent}${opener} nhn-ignore-${kind} ${ruleId}${close}\n`;
}

interface Directive {
  kind: 'next-line' | 'file';
  line: number;
  /** Rule ids or families with their offsets; empty means every rule. */
  ids: { id: string; start: number; end: number }[];
  start: number;
  end: number;
  used: Set<string>;
}

const DIRECTIVE = /nhn-ignore-(next-line|file)\b([^\n\r]*)/g;

function inComment(doc: AnalyzedDocument, at: number): boolean {
  if (FREE_TEXT.has(doc.languageId)) return true;
  const lineStart = doc.offsetAt({ line: doc.positionAt(at).line, character: 0 });
  const before = doc.text.slice(lineStart, at);
  return (OPENERS[doc.languageId] ?? ANY).some((opener) => before.includes(opener));
}

export function findDirectives(doc: AnalyzedDocument): Directive[] {
  if (!doc.text.includes('nhn-ignore-')) return [];
  const out: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(doc.text); m; m = DIRECTIVE.exec(doc.text)) {
    if (!inComment(doc, m.index)) continue;
    // The ids run until the comment closes (`-->`, `*/`), a `--` reason starts, or a word that is not
    // a rule id or family appears (`nhn-ignore-next-line host/nilar legacy system` ignores "legacy…").
    const rest = m[2].split(/-->|\*\/|\s--(?:\s|$)/)[0];
    const restStart = m.index + m[0].length - m[2].length;
    const ids: Directive['ids'] = [];
    const token = /[^\s,]+/g;
    for (let tk = token.exec(rest); tk; tk = token.exec(rest)) {
      if (!isRuleRef(tk[0])) break;
      ids.push({ id: tk[0], start: restStart + tk.index, end: restStart + tk.index + tk[0].length });
    }
    const end = ids.length ? ids[ids.length - 1].end : m.index + m[0].length - m[2].length;
    out.push({ kind: m[1] as Directive['kind'], line: doc.positionAt(m.index).line, ids, start: m.index, end, used: new Set() });
  }
  return out;
}

/** A rule id (`host/nilar`), a family (`host`) or `*`. */
function isRuleRef(word: string): boolean {
  return word === '*' || /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9.-]*$/.test(word) || (FAMILIES as readonly string[]).includes(word) || word === 'suppression';
}

function covers(id: string, ruleId: string): boolean {
  return id === '*' || id === ruleId || id === ruleId.split('/')[0];
}

/** The edit that removes an unused suppression: the whole comment line when nothing else is on it, else just the id. */
function removal(doc: AnalyzedDocument, d: Directive, u: { start: number; end: number }, whole: boolean) {
  const lineStart = doc.offsetAt({ line: d.line, character: 0 });
  const nextLine = doc.offsetAt({ line: d.line + 1, character: 0 });
  const lineText = doc.text.slice(lineStart, nextLine);
  const commentOnly = /^\s*(?:\/\/|\/\*|#|!|;|<!--|--|')\s*nhn-ignore-/.test(lineText);
  if (whole && commentOnly) return { range: doc.rangeOf(lineStart, nextLine), newText: '' };
  if (whole) return { range: doc.rangeOf(d.start, d.end), newText: '' };
  let start = u.start;
  while (start > d.start && /[\s,]/.test(doc.text[start - 1])) start--;
  return { range: doc.rangeOf(start, u.end), newText: '' };
}

/** Removes suppressed findings and adds a hint for every suppression id that matched nothing. */
export function applySuppressions(doc: AnalyzedDocument, findings: Finding[], lang: Language): Finding[] {
  const directives = findDirectives(doc);
  if (directives.length === 0) return findings;
  // Index the directives so each finding looks only at the file-wide ones and those of its own line.
  const fileWide = directives.filter((d) => d.kind === 'file');
  const byLine = new Map<number, Directive[]>();
  for (const d of directives) if (d.kind === 'next-line') (byLine.get(d.line + 1) ?? byLine.set(d.line + 1, []).get(d.line + 1)!).push(d);
  const kept = findings.filter((f) => {
    let suppressed = false;
    for (const d of [...fileWide, ...(byLine.get(f.range.start.line) ?? [])]) {
      if (d.ids.length === 0) {
        d.used.add('*');
        suppressed = true;
        continue;
      }
      for (const { id } of d.ids) {
        if (covers(id, f.ruleId)) {
          d.used.add(id);
          suppressed = true;
        }
      }
    }
    return !suppressed;
  });
  for (const d of directives) {
    const unused = d.ids.length === 0 ? (d.used.size ? [] : [{ id: '*', start: d.start, end: d.end }]) : d.ids.filter((x) => !d.used.has(x.id));
    const whole = unused.length === Math.max(1, d.ids.length);
    for (const u of unused) {
      kept.push({
        ruleId: UNUSED_SUPPRESSION,
        range: doc.rangeOf(u.start, u.end),
        severity: 'hint',
        message: t(lang, 'unused-suppression', u.id === '*' ? t(lang, 'all-rules') : u.id),
        tags: ['unnecessary'],
        fixes: [{ title: t(lang, 'remove-suppression'), edits: [removal(doc, d, u, whole)], preferred: true }],
      });
    }
  }
  return kept;
}
