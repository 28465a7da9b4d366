// Errors a person can act on. Each has a code (stable, for tests and the VS Code glue), English and
// bokmål text, and parameters that are never secret: client id, scope, host, seconds, a server's error
// code. Tokens, assertions, proofs and keys never reach a message.

import { fill } from '../../../shared/fill';

export type HelseIdErrorCode =
  | 'key-unreadable'
  | 'key-invalid'
  | 'key-public-only'
  | 'key-unsupported'
  | 'not-configured'
  | 'unknown-client'
  | 'wrong-key'
  | 'missing-scope'
  | 'nonce-loop'
  | 'network'
  | 'timeout'
  | 'discovery'
  | 'token-refused'
  | 'api-unauthorized'
  | 'api-forbidden'
  | 'api-failed';

type Params = Record<string, string | number>;

const MESSAGES: Record<HelseIdErrorCode, { en: string; nb: string }> = {
  'key-unreadable': {
    en: 'Cannot read the HelseID key file {path}: check the path in the setting nhn.helseid.jwkPath.',
    nb: 'Kan ikke lese HelseID-nøkkelfilen {path}: sjekk stien i innstillingen nhn.helseid.jwkPath.',
  },
  'key-invalid': {
    en: 'The HelseID key is not a JSON Web Key ({detail}). Use the private JWK downloaded from HelseID selvbetjening.',
    nb: 'HelseID-nøkkelen er ikke en JSON Web Key ({detail}). Bruk den private JWK-en lastet ned fra HelseID selvbetjening.',
  },
  'key-public-only': {
    en: 'The HelseID key has no private part: this is the public key. Use the private JWK that was downloaded when the client was created.',
    nb: 'HelseID-nøkkelen mangler privat del: dette er den offentlige nøkkelen. Bruk den private JWK-en som ble lastet ned da klienten ble laget.',
  },
  'key-unsupported': {
    en: 'The HelseID key type or algorithm {alg} is not supported; use an RSA (RS256/PS256) or EC P-256 (ES256) key.',
    nb: 'Nøkkeltypen eller algoritmen {alg} støttes ikke; bruk en RSA- (RS256/PS256) eller EC P-256-nøkkel (ES256).',
  },
  'not-configured': {
    en: 'HelseID is not set up: {missing}. Set nhn.helseid.clientId and a key (command "NHN: Set HelseID key" or nhn.helseid.jwkPath).',
    nb: 'HelseID er ikke satt opp: {missing}. Sett nhn.helseid.clientId og en nøkkel (kommandoen «NHN: Angi HelseID-nøkkel» eller nhn.helseid.jwkPath).',
  },
  'unknown-client': {
    en: 'HelseID does not know the client {clientId} at {issuer} (invalid_client). Check the client id and the environment (test or production); if both are right, the key is not the one registered for this client.',
    nb: 'HelseID kjenner ikke klienten {clientId} hos {issuer} (invalid_client). Sjekk klient-ID-en og miljøet (test eller produksjon); er begge riktige, er nøkkelen ikke den som er registrert for klienten.',
  },
  'wrong-key': {
    en: 'HelseID refused the signature of client {clientId} (invalid_client): the key{kid} is not the one registered for this client. Download the key again or register its public part in HelseID selvbetjening.',
    nb: 'HelseID avviste signaturen til klient {clientId} (invalid_client): nøkkelen{kid} er ikke den som er registrert for klienten. Last ned nøkkelen på nytt eller registrer den offentlige delen i HelseID selvbetjening.',
  },
  'missing-scope': {
    en: 'The client {clientId} does not have the scope {scope} (invalid_scope). Ask for access to it in HelseID selvbetjening, or change nhn.helseid.scopes.',
    nb: 'Klienten {clientId} har ikke scopet {scope} (invalid_scope). Be om tilgang i HelseID selvbetjening, eller endre nhn.helseid.scopes.',
  },
  'nonce-loop': {
    en: '{host} asked for a new DPoP nonce again after the retry; giving up instead of looping. Check that this computer\'s clock is right, then try again.',
    nb: '{host} ba om en ny DPoP-nonce igjen etter nytt forsøk; gir opp i stedet for å gå i ring. Sjekk at klokka på maskinen går riktig, og prøv igjen.',
  },
  network: {
    en: 'Cannot reach {host} ({detail}). Check the network connection, proxy or VPN.',
    nb: 'Får ikke kontakt med {host} ({detail}). Sjekk nettverk, proxy eller VPN.',
  },
  timeout: {
    en: '{host} did not answer within {seconds} s. Try again later.',
    nb: '{host} svarte ikke innen {seconds} s. Prøv igjen senere.',
  },
  discovery: {
    en: 'HelseID discovery at {url} failed ({detail}). Check the issuer URL.',
    nb: 'HelseID-oppslaget på {url} feilet ({detail}). Sjekk utsteder-URL-en.',
  },
  'token-refused': {
    en: 'HelseID refused the token request for client {clientId}: {error}.',
    nb: 'HelseID avviste tokenforespørselen for klient {clientId}: {error}.',
  },
  'api-unauthorized': {
    en: '{host} refused the access token (HTTP 401{error}). The token or its DPoP proof was not accepted; check the computer\'s clock and the scope {scope}.',
    nb: '{host} avviste tilgangstokenet (HTTP 401{error}). Tokenet eller DPoP-beviset ble ikke godtatt; sjekk klokka på maskinen og scopet {scope}.',
  },
  'api-forbidden': {
    en: '{host} says the client may not do this (HTTP 403). The token needs the scope {scope}; ask for access in HelseID selvbetjening.',
    nb: '{host} sier at klienten ikke har lov til dette (HTTP 403). Tokenet trenger scopet {scope}; be om tilgang i HelseID selvbetjening.',
  },
  'api-failed': {
    en: '{host} answered HTTP {status}{detail}.',
    nb: '{host} svarte HTTP {status}{detail}.',
  },
};

export type Language = 'en' | 'nb';

export function formatHelseIdMessage(code: HelseIdErrorCode, params: Params, language: Language = 'en'): string {
  return fill(MESSAGES[code][language], params);
}

export class HelseIdError extends Error {
  override readonly name = 'HelseIdError';
  constructor(
    readonly code: HelseIdErrorCode,
    readonly params: Params = {},
  ) {
    super(formatHelseIdMessage(code, params));
  }

  localized(language: Language): string {
    return formatHelseIdMessage(this.code, this.params, language);
  }
}

/** A server's `error` value, cut short and stripped to a safe alphabet so nothing odd reaches a message. */
export function safeServerText(value: unknown, max = 80): string {
  if (typeof value !== 'string') return '';
  return value.replace(/[^\p{L}\p{N} _.:,;'()/+=-]/gu, '').slice(0, max);
}
