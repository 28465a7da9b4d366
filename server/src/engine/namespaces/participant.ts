// Editor help from the namespace catalog: hovering a namespace URI anywhere (xmlns, schemaLocation,
// a constant in code) tells what it is and whether it is current; in an XML namespace declaration
// the current namespaces are offered as completions.

import type { AnalysisContext, AnalyzedDocument, Completion, Language, Participant } from '../core/types';
import { NAMESPACES, namespaceInfo, namespaceLabel, type NamespaceEntry } from './catalog';
import { isXmlDocument } from '../xml/parse';
import { namespaceMessages, statusText } from './messages';

const URI_CHAR = /[^\s"'<>`(),;]/;

/** The URI-like token around `offset`, with its span. */
export function uriAt(text: string, offset: number): { value: string; start: number; end: number } | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && URI_CHAR.test(text[start - 1])) start--;
  while (end < text.length && URI_CHAR.test(text[end])) end++;
  const value = text.slice(start, end);
  return value.includes('://') ? { value, start, end } : undefined;
}

export function namespaceHover(entry: NamespaceEntry, lang: Language): string {
  const word = (key: 'release' | 'successor' | 'docs') => namespaceMessages.text(lang, key);
  const lines = [`**${namespaceLabel(entry.uri)}**: ${statusText(entry.status, lang)}`, '', `\`${entry.uri}\``];
  if (entry.release) lines.push('', `- ${word('release')}: ${entry.release}`);
  if (entry.successor) lines.push(`${entry.release ? '' : '\n'}- ${word('successor')}: \`${entry.successor}\` (${namespaceLabel(entry.successor)})`);
  if (entry.note) lines.push('', entry.note);
  if (entry.docs) lines.push('', `[${word('docs')}](${entry.docs})`);
  return lines.join('\n');
}

function hover(doc: AnalyzedDocument, offset: number, ctx: AnalysisContext): string | undefined {
  const token = uriAt(doc.text, offset);
  const entry = token && namespaceInfo(token.value);
  return entry ? namespaceHover(entry, ctx.language) : undefined;
}

/** Inside the quotes of `xmlns="…"` / `xmlns:p="…"`: the current namespaces, newest first per message. */
function complete(doc: AnalyzedDocument, offset: number): Completion[] {
  const before = doc.text.slice(Math.max(0, offset - 300), offset);
  const m = /\sxmlns(?::[\w.-]+)?\s*=\s*(["'])([^"'<>]*)$/.exec(before);
  if (!m) return [];
  const typed = m[2];
  return NAMESPACES.filter((e) => e.status === 'current' && e.uri.startsWith(typed)).map((e) => ({
    label: e.uri,
    kind: 'value' as const,
    detail: namespaceLabel(e.uri),
    replace: { start: offset - typed.length, end: offset },
  }));
}

export const namespaceParticipant: Participant = {
  name: 'namespaces',
  appliesTo: () => true,
  hover,
  complete: (doc, offset) => (isXmlDocument(doc) ? complete(doc, offset) : []),
};
