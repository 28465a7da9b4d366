// Every position and range that comes in from the client passes here before anything uses it: the
// text-document sync (didChange) and the requests that name a place (hover, completion, code actions).
//
// Valid: line and character are non-negative integers (LSP `uinteger`). A valid position past
// the end of its line means the line end, and a line past the last one means the end of the document
// (LSP: "If the character value is greater than the line length it defaults back to the line length").
// Anything else — negative, fractional, NaN, a string, a missing field — is invalid: a change naming
// it is dropped (and logged), a request naming it gets no answer. Before this, a change far past the
// end followed by one with a negative character corrupted vscode-languageserver-textdocument's line
// table (a sparse array a billion long) and the server spun at full CPU until its heap ran out.

import type { Position, Range, TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

export function isValidPosition(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && isCount((p as Position).line) && isCount((p as Position).character);
}

export function isValidRange(r: unknown): r is Range {
  return typeof r === 'object' && r !== null && isValidPosition((r as Range).start) && isValidPosition((r as Range).end);
}

/** The position inside the document that a valid position means; undefined when it is invalid. */
export function clampPosition(doc: TextDocument, p: unknown): Position | undefined {
  return isValidPosition(p) ? doc.positionAt(doc.offsetAt(p)) : undefined;
}

/** As clampPosition, for a range; start and end in document order. */
export function clampRange(doc: TextDocument, r: unknown): Range | undefined {
  if (!isValidRange(r)) return undefined;
  const a = doc.offsetAt(r.start);
  const b = doc.offsetAt(r.end);
  return { start: doc.positionAt(Math.min(a, b)), end: doc.positionAt(Math.max(a, b)) };
}

/**
 * The TextDocuments configuration of the server: each incremental change is clamped into the document
 * as it stands before that change (changes apply in order), one with an invalid range or no text is
 * dropped and reported to `onDropped` (a count and the reason; never the text).
 */
export function syncedDocuments(onDropped: (uri: string, count: number) => void): TextDocumentsConfiguration<TextDocument> {
  return {
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, typeof content === 'string' ? content : ''),
    update(doc, changes, version) {
      let dropped = 0;
      for (const change of Array.isArray(changes) ? changes : []) {
        const text = (change as { text?: unknown })?.text;
        if (typeof text !== 'string') {
          dropped++;
          continue;
        }
        if (!('range' in change) || change.range === undefined) {
          TextDocument.update(doc, [{ text }], version);
          continue;
        }
        const range = clampRange(doc, change.range);
        if (!range) {
          dropped++;
          continue;
        }
        TextDocument.update(doc, [{ range, text } satisfies TextDocumentContentChangeEvent], version);
      }
      if (dropped) onDropped(doc.uri, dropped);
      return TextDocument.update(doc, [], version);
    },
  };
}
