// Hover: the story of each rule that fired at the position (what, when, replacement, source).

import type { Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findRule, ruleHover, type AnalysisOptions, type Finding } from '../engine';

function contains(f: Finding, p: Position): boolean {
  const { start, end } = f.range;
  const afterStart = p.line > start.line || (p.line === start.line && p.character >= start.character);
  const beforeEnd = p.line < end.line || (p.line === end.line && p.character <= end.character);
  return afterStart && beforeEnd;
}

export function hoverFor(_doc: TextDocument, position: Position, findings: Finding[], ctx: AnalysisOptions): Hover | null {
  const parts: string[] = [];
  for (const f of findings.filter((x) => contains(x, position))) {
    const rule = findRule(f.ruleId);
    // A finding may add what it found (e.g. a masked identity number and its class) to the rule's story.
    const detail = typeof f.data?.hoverDetail === 'string' ? `${f.data.hoverDetail}\n\n` : '';
    parts.push(rule ? detail + ruleHover(rule, ctx, f.data?.vars as Record<string, string> | undefined) : `**${f.ruleId}**\n\n${f.message}`);
  }
  return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}
