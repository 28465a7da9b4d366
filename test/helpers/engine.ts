// Helpers for engine tests: run the real engine on a text and find positions by substring.

import { analyze, createChecks, DEFAULT_SETTINGS, type AnalysisContext, type Finding, type Settings } from '../../server/src/engine';

export function context(over: Omit<Partial<AnalysisContext>, 'settings'> & { settings?: Partial<Settings> } = {}): AnalysisContext {
  return {
    today: over.today ?? '2026-11-26',
    language: over.language ?? 'en',
    settings: { ...DEFAULT_SETTINGS, ...over.settings },
    resolvers: over.resolvers ?? {},
    signal: over.signal,
  };
}

export async function findingsFor(text: string, languageId = 'plaintext', over: Parameters<typeof context>[0] = {}): Promise<Finding[]> {
  const result = await analyze({ uri: `file:///test/doc.${languageId}`, languageId, text }, context(over), createChecks());
  return result.findings;
}

/** 0-based line and character of the n-th occurrence of `needle`. */
export function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not found (occurrence ${occurrence})`);
  }
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The exact range of the n-th occurrence of `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 0) {
  const start = positionOf(text, needle, occurrence);
  const lines = needle.split(/\r\n|\r|\n/);
  const end = lines.length === 1 ? { line: start.line, character: start.character + needle.length } : { line: start.line + lines.length - 1, character: lines[lines.length - 1].length };
  return { start, end };
}
