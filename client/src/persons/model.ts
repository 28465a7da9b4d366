// The test-person picker's vocabulary, shared by every source (bundled catalog, the team's
// .nhn/testpersons file, live Persontjenesten search). Editor-free so it is tested without VS Code.

export type Sex = 'female' | 'male';

export interface TestPerson {
  /** The 11-digit identity number. Shown masked (birth date + *****) until inserted. */
  nin: string;
  /** Display name, as SyntPop shows it (e.g. "RELEVANT MILJØGIFT"). */
  name: string;
  sex?: Sex;
  /** ISO date of birth. */
  birthDate?: string;
  children?: number;
  /** Registers the person is in: health personnel (HPR), contact register (KRR), GP list (FLR). */
  registers?: { hpr?: boolean; krr?: boolean; flr?: boolean };
  /** Which source found it; the picker labels results with it. */
  source: 'catalog' | 'team' | 'live';
  note?: string;
}

export interface PersonQuery {
  /** Free text typed in the picker: part of a name or of a number. */
  text: string;
  sex?: Sex;
  minAge?: number;
  maxAge?: number;
  hasChildren?: boolean;
  /** Fødselsnummer or D-number (day + 40), as SyntPop's "ID type" filter. */
  idType?: 'fnr' | 'dnr';
  flr?: boolean;
  krr?: boolean;
  hpr?: boolean;
  /** Live sources need more (e.g. a birth date or municipality); see the source's `rules`. */
  birthDate?: string;
  municipality?: string;
  street?: string;
}

export interface PersonSearchResult {
  persons: TestPerson[];
  /** When the source could not answer (offline, query too short, …): a sentence for the picker. */
  message?: string;
}

/** A place to find test persons. Live sources must honour the signal and answer within their bound. */
export interface PersonSource {
  readonly id: TestPerson['source'];
  readonly label: string;
  search(query: PersonQuery, signal: AbortSignal): Promise<PersonSearchResult>;
}
