// Helpers for engine tests: run the real engine on a text and find positions by substring.

import {
  createEngine,
  DEFAULT_SETTINGS,
  type AnalysisContext,
  type AnalysisOptions,
  type Engine,
  type EngineHost,
  type Finding,
  type Settings,
} from '../../server/src/engine';

/** A host with nothing: no files, no libxml2, no FHIR definitions. */
const EMPTY_HOST: EngineHost = {};
const engines = new WeakMap<EngineHost, Engine>();

/** One engine per host, as the server and the CLI have: calls with the same host share its caches. */
export function engineFor(host: EngineHost = EMPTY_HOST): Engine {
  let engine = engines.get(host);
  if (!engine) engines.set(host, (engine = createEngine(host)));
  return engine;
}

type Over = Omit<Partial<AnalysisOptions>, 'settings'> & { settings?: Partial<Settings>; host?: EngineHost };

export function options(over: Over = {}): AnalysisOptions {
  return {
    today: over.today ?? '2026-11-26',
    language: over.language ?? 'en',
    settings: { ...DEFAULT_SETTINGS, ...over.settings },
    signal: over.signal,
  };
}

/** The context a check or participant receives from the engine of `over.host`. */
export function context(over: Over = {}): AnalysisContext {
  return engineFor(over.host).context(options(over));
}

export async function findingsFor(text: string, languageId = 'plaintext', over: Over = {}): Promise<Finding[]> {
  const result = await engineFor(over.host).analyze({ uri: `file:///test/doc.${languageId}`, languageId, text }, options(over));
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
  const end =
    lines.length === 1
      ? { line: start.line, character: start.character + needle.length }
      : { line: start.line + lines.length - 1, character: lines[lines.length - 1].length };
  return { start, end };
}
