// A local Persontjenesten v3 for tests: `POST /api/v3/{restricted-access|full-access}/search/person` with
// the form fields and query rules of the documented search (a name, ≥3 letters across names, and a birth
// date, a municipality number or a street), results in the PersonSearchResult shape, at most 100 per
// search, paged by IndexOffset/PageSize. Every request must carry `Authorization: DPoP <token>` issued by
// the HelseID stand-in and a DPoP proof signed by the key the token is bound to (`cnf.jkt`), with `ath` =
// the token's hash, the right htm/htu, a fresh jti and (when asked) the server's nonce.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { base64url } from 'jose';
import { type HelseIdStandIn, Refused, verifyDpopProof, header, readBody, send } from './helseid-stand-in';

export interface StandInPerson {
  nin: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: 'Female' | 'Male';
  municipality: string;
  street: string;
}

export interface PersontjenestenStandInOptions {
  helseid: HelseIdStandIn;
  persons: StandInPerson[];
  requireNonce?: boolean;
  delayMs?: number;
  /** Answer every search with this HTTP status (e.g. 500, 503). */
  failWith?: number;
}

const MAX_RESULTS = 100;

export class PersontjenestenStandIn {
  readonly refusals: string[] = [];
  readonly searches: Record<string, string>[] = [];
  baseUrl = '';
  private server?: Server;
  private readonly seenJti = new Set<string>();
  private readonly nonce = randomUUID();

  constructor(private readonly options: PersontjenestenStandInOptions) {}

  async start(): Promise<this> {
    // A client that gives up mid-request (the cancellation tests) rejects the body read: drop that
    // connection instead of leaving an unhandled rejection for whichever test file runs next.
    this.server = createServer((req, res) => this.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    const url = new URL(req.url ?? '/', this.baseUrl);
    const match = /^\/api\/v3\/(restricted-access|full-access)\/search\/person$/.exec(url.pathname);
    if (req.method !== 'POST' || !match) return send(res, 404, { title: 'Not found', status: 404 });
    const body = await readBody(req);
    try {
      const scopes = await this.authorize(req, `${this.baseUrl}${url.pathname}`);
      if (!scopes.includes(`nhn:hgd-persontjenesten-api/${match[1]}`)) return this.refuse(res, 403, 'scope');
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      this.refusals.push(err.message);
      if (err.error === 'use_dpop_nonce') {
        res.setHeader('DPoP-Nonce', this.nonce);
        res.setHeader('WWW-Authenticate', 'DPoP error="use_dpop_nonce", error_description="nonce required"');
      } else {
        res.setHeader('WWW-Authenticate', `DPoP error="${err.error}"`);
      }
      return send(res, 401, { title: 'Unauthorized', status: 401 });
    }
    if (this.options.failWith) return send(res, this.options.failWith, { title: 'Unavailable', status: this.options.failWith });
    if (url.searchParams.getAll('informationParts').length === 0) return send(res, 400, problem('informationParts is required'));
    const form = Object.fromEntries(new URLSearchParams(body));
    this.searches.push(form);
    const invalid = checkSearchRules(form);
    if (invalid) return send(res, 400, problem(invalid));
    const all = this.options.persons.filter((p) => matches(p, form)).slice(0, MAX_RESULTS);
    const offset = Number(form.IndexOffset ?? 0);
    const size = Math.min(Number(form.PageSize ?? MAX_RESULTS), MAX_RESULTS);
    const page = all.slice(offset, offset + size);
    const parts = new Set(url.searchParams.getAll('informationParts'));
    send(res, 200, { results: page.map((p) => document(p, parts)), startIndex: offset, endIndex: offset + page.length });
  }

  private refuse(res: ServerResponse, status: number, why: string): void {
    this.refusals.push(why);
    send(res, status, { title: why, status });
  }

  /** Checks the DPoP-bound token and its proof; returns the token's scopes. */
  private async authorize(req: IncomingMessage, htu: string): Promise<string[]> {
    const authorization = header(req, 'authorization') ?? '';
    const [scheme, token] = authorization.split(' ');
    if (scheme !== 'DPoP' || !token) throw new Refused('invalid_token', 'Authorization must be DPoP');
    let claims;
    try {
      claims = await this.options.helseid.verifyAccessToken(token);
    } catch {
      throw new Refused('invalid_token', 'token not valid');
    }
    const proof = header(req, 'dpop');
    if (!proof) throw new Refused('invalid_dpop_proof', 'no DPoP header');
    const { jkt, payload } = await verifyDpopProof(proof, {
      method: 'POST',
      url: htu,
      now: this.options.helseid.nowSeconds(),
      leeway: 30,
      seenJti: this.seenJti,
    });
    if ((claims.cnf as { jkt?: string } | undefined)?.jkt !== jkt) throw new Refused('invalid_token', 'proof key is not the token key (cnf.jkt)');
    const ath = base64url.encode(createHash('sha256').update(token).digest());
    if (payload.ath !== ath) throw new Refused('invalid_dpop_proof', 'ath does not match the token');
    if (this.options.requireNonce && payload.nonce !== this.nonce) throw new Refused('use_dpop_nonce', 'nonce required');
    return Array.isArray(claims.scope) ? (claims.scope as string[]) : String(claims.scope ?? '').split(' ');
  }
}

/** The documented search rules; returns the problem, or undefined when the search is allowed. */
export function checkSearchRules(form: Record<string, string>): string | undefined {
  const names = [form.FullName, form.GivenName, form.MiddleName, form.FamilyName].filter(Boolean);
  if (!names.length) return 'A value for either FirstName, MiddleName, LastName or FullName is required';
  if (names.join('').replace(/[^\p{L}]/gu, '').length < 3) return 'Combined across all names, there must be at least three letters';
  const street = (form.StreetAddress ?? '').replace(/[^\p{L}]/gu, '');
  if (!form.BirthDate && !/^\d{4}$/.test(form.MunicipalityNumber ?? '') && street.length < 3) {
    return 'DateOfBirth OR MunicipalityNumber with at least 4 digits OR StreetName with at least three letters is required';
  }
  if (form.BirthDate && !/^[0-9]{4}[0-9-]{0,6}$/.test(form.BirthDate)) return 'BirthDate must be YYYY, YYYY-MM or YYYY-MM-DD';
  return undefined;
}

function matches(p: StandInPerson, form: Record<string, string>): boolean {
  const parts = `${p.givenName} ${p.familyName}`.toLowerCase().split(/\s+/);
  const words = (form.FullName ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 3);
  if (!words.every((w) => parts.some((part) => part.startsWith(w)))) return false;
  if (form.BirthDate && !p.birthDate.startsWith(form.BirthDate)) return false;
  if (form.MunicipalityNumber && p.municipality !== form.MunicipalityNumber) return false;
  if (form.StreetAddress && !p.street.toLowerCase().startsWith(form.StreetAddress.toLowerCase())) return false;
  if (form.Gender && p.gender !== form.Gender) return false;
  return true;
}

/** The person document, with only the information parts asked for (as the API does). */
function document(p: StandInPerson, parts: Set<string>): Record<string, unknown> {
  const doc: Record<string, unknown> = { id: `pid-${p.nin}` };
  if (parts.has('Name')) doc.name = [{ isValid: true, givenName: p.givenName, middleName: null, familyName: p.familyName }];
  if (parts.has('Birth')) doc.birth = [{ isValid: true, birthDate: `${p.birthDate}T00:00:00+00:00`, birthYear: p.birthDate.slice(0, 4) }];
  if (parts.has('Gender')) doc.gender = [{ isValid: true, gender: p.gender }];
  if (parts.has('NorwegianIdentificationNumber')) {
    doc.norwegianIdentificationNumber = [{ isValid: true, identificationNumber: p.nin, identificationNumberType: 'NationalIdentityNumber', status: 'InUse' }];
  }
  return doc;
}

function problem(detail: string): Record<string, unknown> {
  return { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'Bad Request', status: 400, detail };
}

/** A valid-looking SyntPop-style number (month + 65) for a birth date; the individual number varies. */
export function syntheticNin(birthDate: string, individual: number): string {
  const [y, m, d] = birthDate.split('-');
  for (let i = individual; i < individual + 50; i++) {
    const base = `${d}${String(Number(m) + 65)}${y.slice(2)}${String(i % 1000).padStart(3, '0')}`;
    const k1 = check(base, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    if (k1 === 10) continue;
    const k2 = check(base + k1, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (k2 === 10) continue;
    return `${base}${k1}${k2}`;
  }
  throw new Error('no valid number');
}

function check(digits: string, weights: number[]): number {
  const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k;
}
