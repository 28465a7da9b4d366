// The registration point for person sources and the search that merges them. Local sources (the
// bundled catalog, the team file) answer at once; slow sources (id `live`, Persontjenesten — helper
// code registers it with `registerPersonSource`) run after a debounce, are cancelled when the user
// types on, and when they fail or refuse, their sentence is shown beside the local results.

import type { PersonQuery, PersonSearchResult, PersonSource, TestPerson } from './model';
import { personText, type Language } from './messages';

export interface Registry {
  register(source: PersonSource): { dispose(): void };
  list(): PersonSource[];
}

export function createRegistry(): Registry {
  const sources: PersonSource[] = [];
  return {
    register(source) {
      // One source per id: a new live source replaces the old (e.g. after a settings change).
      const old = sources.findIndex((s) => s.id === source.id);
      if (old >= 0) sources.splice(old, 1);
      sources.push(source);
      return { dispose: () => void (sources.includes(source) && sources.splice(sources.indexOf(source), 1)) };
    },
    list: () => [...sources],
  };
}

/** The extension's registry; the live Persontjenesten source registers here. */
export const personSources = createRegistry();
export const registerPersonSource = (source: PersonSource) => personSources.register(source);

/** Sources that must not run on every keystroke. */
export const isSlow = (source: PersonSource) => source.id === 'live';

export interface MergedPerson extends TestPerson {
  /** Every source that knows the person, in priority order (team, catalog, live). */
  sources: TestPerson['source'][];
}

const PRIORITY: Record<TestPerson['source'], number> = { team: 0, catalog: 1, live: 2 };

/**
 * One entry per number. The team's entry wins (it is what the team reserved), then the catalog's;
 * missing facts are filled from the others. Recently used persons first (most recent first), then by name.
 */
export function mergePersons(lists: TestPerson[][], recent: readonly string[] = []): MergedPerson[] {
  const byNin = new Map<string, MergedPerson>();
  const all = lists.flat().sort((a, b) => PRIORITY[a.source] - PRIORITY[b.source]);
  for (const p of all) {
    const seen = byNin.get(p.nin);
    if (!seen) {
      byNin.set(p.nin, { ...p, sources: [p.source] });
      continue;
    }
    if (!seen.sources.includes(p.source)) seen.sources.push(p.source);
    for (const key of ['sex', 'birthDate', 'children', 'registers', 'note'] as const) {
      if (seen[key] === undefined && p[key] !== undefined) (seen as unknown as Record<string, unknown>)[key] = p[key];
    }
  }
  const rank = (nin: string) => {
    const i = recent.indexOf(nin);
    return i < 0 ? Infinity : i;
  };
  return [...byNin.values()].sort((a, b) => rank(a.nin) - rank(b.nin) || a.name.localeCompare(b.name, 'nb'));
}

export interface SearchUpdate {
  persons: MergedPerson[];
  /** Sentences from sources that could not answer fully (with the live fallback note). */
  messages: string[];
  /** A slow source is still searching. */
  busy: boolean;
}

export interface SessionOptions {
  sources: () => PersonSource[];
  recent: () => readonly string[];
  language: () => Language;
  onUpdate: (update: SearchUpdate) => void;
  /** Delay before slow sources run (default 400 ms). */
  debounceMs?: number;
  /** Injected for tests; defaults to setTimeout/clearTimeout. */
  timers?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
}

/**
 * A picker's search: call `update(query)` on every keystroke and `dispose()` when the picker closes.
 * Each update supersedes the last: its searches are aborted and their late answers ignored.
 */
export function createSearchSession(options: SessionOptions) {
  const timers = options.timers ?? { set: (fn: () => void, ms: number) => setTimeout(fn, ms), clear: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  let generation = 0;
  let controller: AbortController | undefined;
  let timer: unknown;

  async function run(source: PersonSource, query: PersonQuery, signal: AbortSignal): Promise<PersonSearchResult> {
    try {
      return await source.search(query, signal);
    } catch (err) {
      return { persons: [], message: personText(options.language(), 'source-failed', source.label, err instanceof Error ? err.message : String(err)) };
    }
  }

  function update(query: PersonQuery): Promise<void> {
    const mine = ++generation;
    controller?.abort();
    if (timer !== undefined) timers.clear(timer);
    controller = new AbortController();
    const signal = controller.signal;
    const sources = options.sources();
    const fast = sources.filter((s) => !isSlow(s));
    const slow = sources.filter(isSlow);
    const results = new Map<PersonSource, PersonSearchResult>();

    const publish = (busy: boolean) => {
      if (mine !== generation) return;
      const messages: string[] = [];
      for (const [source, r] of results) {
        if (!r.message) continue;
        messages.push(isSlow(source) ? personText(options.language(), 'live-fallback', r.message) : r.message);
      }
      options.onUpdate({
        persons: mergePersons(
          [...results.values()].map((r) => r.persons),
          options.recent(),
        ),
        messages,
        busy,
      });
    };

    const local = Promise.all(fast.map(async (s) => results.set(s, await run(s, query, signal)))).then(() => publish(slow.length > 0));
    if (slow.length === 0) return local;
    const remote = new Promise<void>((resolve) => {
      timer = timers.set(() => {
        timer = undefined;
        void Promise.all(slow.map(async (s) => results.set(s, await run(s, query, signal))))
          .then(() => local)
          .then(() => publish(false))
          .finally(resolve);
      }, options.debounceMs ?? 400);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
    return Promise.all([local, remote]).then(() => undefined);
  }

  return {
    update,
    dispose() {
      generation++;
      controller?.abort();
      if (timer !== undefined) timers.clear(timer);
    },
  };
}
