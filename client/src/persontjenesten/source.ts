// The picker's live source: Persontjenesten v3 person search through HelseID (DPoP). It refuses to run
// when the user has not allowed network use or points at production, explains the API's query rules
// instead of sending a search that would be refused, pages up to the API's limit of 100, and never waits
// longer than its bound: on any failure it answers with a sentence and what it found so far, so the
// picker's local sources carry on.

import type { PersonQuery, PersonSearchResult, PersonSource, TestPerson } from '../persons/model';
import type { HelseIdClient } from '../helseid/client';
import { HelseIdError, safeServerText, type Language } from '../helseid/errors';
import { hostOf, readJson } from '../helseid/http';
import { toSearchForm } from './query';
import { toTestPerson } from './map';
import { liveMessage } from './messages';

/** Persontjenesten returns at most this many persons for one search. */
export const API_RESULT_LIMIT = 100;
const INFORMATION_PARTS = ['Name', 'Birth', 'Gender', 'NorwegianIdentificationNumber'];

export interface LiveSourceOptions {
  /** Persontjenesten's base URL (test: https://et.persontjenesten.test.nhn.no). */
  baseUrl: string;
  /** Read at each search, so a settings change takes effect at once. */
  environment: () => 'test' | 'production';
  /** The configured client; throws a HelseIdError (e.g. not-configured) when it cannot be made. */
  getClient: () => Promise<HelseIdClient>;
  networkAllowed: () => boolean;
  language?: () => Language;
  /** `restricted-access` or `full-access`; by default the one the client's scopes name (restricted first). */
  access?: 'restricted-access' | 'full-access';
  limit?: number;
  pageSize?: number;
  /** The longest a whole search may take, all pages and the token included (default 8 s). */
  timeoutMs?: number;
}

export class LivePersonSource implements PersonSource {
  readonly id = 'live' as const;
  readonly label = 'Persontjenesten (live)';

  constructor(private readonly options: LiveSourceOptions) {}

  async search(query: PersonQuery, signal: AbortSignal): Promise<PersonSearchResult> {
    const language = this.options.language?.() ?? 'en';
    if (!this.options.networkAllowed()) return { persons: [], message: liveMessage(language, 'network-off') };
    if (this.options.environment() !== 'test') return { persons: [], message: liveMessage(language, 'production-refused') };
    const built = toSearchForm(query);
    if ('problem' in built) return { persons: [], message: liveMessage(language, built.problem) };

    const timeoutMs = this.options.timeoutMs ?? 8_000;
    const deadline = AbortSignal.timeout(timeoutMs);
    const bounded = AbortSignal.any([signal, deadline]);
    const found = new Map<string, TestPerson>();
    try {
      const client = await this.options.getClient();
      await this.collect(client, built.form, bounded, found);
      return { persons: filterLocally([...found.values()], query) };
    } catch (err) {
      if (signal.aborted) return { persons: [] };
      const reason = deadline.aborted
        ? new HelseIdError('timeout', [hostOf(this.options.baseUrl), timeoutMs / 1000]).localized(language)
        : describe(err, language);
      const persons = filterLocally([...found.values()], query);
      return { persons, message: persons.length ? liveMessage(language, 'partial', persons.length, reason) : reason };
    }
  }

  private async collect(client: HelseIdClient, form: Record<string, string>, signal: AbortSignal, found: Map<string, TestPerson>): Promise<void> {
    const limit = Math.min(this.options.limit ?? API_RESULT_LIMIT, API_RESULT_LIMIT);
    const pageSize = Math.min(this.options.pageSize ?? 50, limit);
    const access = this.options.access ?? accessFor(client.options.scopes);
    const parts = INFORMATION_PARTS.map((p) => `informationParts=${p}`).join('&');
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}/api/v3/${access}/search/person?${parts}`;
    for (let offset = 0; found.size < limit; ) {
      const body = new URLSearchParams({ ...form, IndexOffset: String(offset), PageSize: String(Math.min(pageSize, limit - found.size)) });
      const response = await client.fetchWithDpop(
        url,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'api-version': '3' }, body },
        signal,
      );
      const json = (await readJson(response)) as Record<string, unknown> | undefined;
      if (!response.ok) throw apiError(response.status, json, url, client.options.scopes);
      const results = Array.isArray(json?.results) ? json.results : [];
      let added = 0;
      for (const document of results) {
        const person = toTestPerson(document);
        if (person && !found.has(person.nin) && found.size < limit) {
          found.set(person.nin, person);
          added++;
        }
      }
      // A short page is the last; a page with nothing new means the server ignores paging.
      if (results.length < pageSize || added === 0) return;
      offset += results.length;
    }
  }
}

export function accessFor(scopes: string[]): 'restricted-access' | 'full-access' {
  const full = scopes.some((s) => s.endsWith('/full-access'));
  const restricted = scopes.some((s) => s.endsWith('/restricted-access'));
  return full && !restricted ? 'full-access' : 'restricted-access';
}

class SearchRejected extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

function apiError(status: number, json: Record<string, unknown> | undefined, url: string, scopes: string[]): Error {
  const host = hostOf(url);
  if (status === 400) return new SearchRejected(safeServerText(json?.detail ?? json?.title, 200) || 'HTTP 400');
  if (status === 401) return new HelseIdError('api-unauthorized', [host, '', scopes.join(' ')]);
  if (status === 403) return new HelseIdError('api-forbidden', [host, scopes.join(' ')]);
  return new HelseIdError('api-failed', [host, status]);
}

function describe(err: unknown, language: Language): string {
  if (err instanceof HelseIdError) return err.localized(language);
  if (err instanceof SearchRejected) return liveMessage(language, 'rejected', err.detail);
  return liveMessage(language, 'failed', err instanceof Error ? err.name : 'unknown');
}

/** Filters the API cannot apply: age bounds, from the birth date. */
function filterLocally(persons: TestPerson[], query: PersonQuery, today = new Date()): TestPerson[] {
  if (query.minAge === undefined && query.maxAge === undefined) return persons;
  return persons.filter((p) => {
    if (!p.birthDate) return true;
    const age = ageOn(p.birthDate, today);
    return (query.minAge === undefined || age >= query.minAge) && (query.maxAge === undefined || age <= query.maxAge);
  });
}

function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const beforeBirthday = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  return today.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}
