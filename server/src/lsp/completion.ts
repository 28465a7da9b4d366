// Completion and participant hovers: the engine's participants asked in order, their editor-free
// answers turned into LSP items. Nothing here knows what an XSD is.

import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions, Completion, Engine, EngineDocument } from '../engine';

const KIND: Record<Completion['kind'], CompletionItemKind> = {
  element: CompletionItemKind.Class,
  attribute: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  property: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
};

function engineDoc(doc: TextDocument): EngineDocument {
  return { uri: doc.uri, languageId: doc.languageId, text: doc.getText(), version: doc.version };
}

export async function completionsFor(engine: Engine, doc: TextDocument, position: Position, ctx: AnalysisOptions): Promise<CompletionItem[]> {
  const items: CompletionItem[] = [];
  for (const list of await engine.complete(engineDoc(doc), doc.offsetAt(position), ctx)) {
    for (const [i, c] of list.entries()) {
      const range = c.replace ? { start: doc.positionAt(c.replace.start), end: doc.positionAt(c.replace.end) } : undefined;
      const newText = c.insertText ?? c.label;
      items.push({
        label: c.label,
        kind: KIND[c.kind],
        detail: c.detail,
        documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
        insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: range ? { range, newText } : undefined,
        insertText: range ? undefined : newText,
        additionalTextEdits: c.additionalEdits?.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })),
        // Keep the schema's order (it is the order the elements must come in).
        sortText: String(i).padStart(4, '0'),
        filterText: range && c.kind === 'element' ? `<${c.label}` : undefined,
      });
    }
  }
  return items;
}

export function participantHover(engine: Engine, doc: TextDocument, position: Position, ctx: AnalysisOptions): Promise<string[]> {
  return engine.hover(engineDoc(doc), doc.offsetAt(position), ctx);
}
