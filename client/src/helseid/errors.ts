// Errors a person can act on. Each has a code (stable, for tests and the VS Code glue), English and
// bokmål text, and arguments that are never secret: client id, scope, host, seconds, a server's error
// code. Tokens, assertions, proofs and keys never reach a message.

import { defineMessages, type Language, type MessageArg, type MessageKey } from '../../../shared/messages';

export type { Language };

/** The sentences in the product's message catalogue; a code's arguments fill `{0}`, `{1}`… in the order the English text names them. */
export const helseIdMessages = defineMessages('helseid', {
  'key-unreadable': {
    en: 'Cannot read the HelseID key file {0}: check the path in the setting nhn.helseid.jwkPath.',
    nb: 'Kan ikke lese HelseID-nøkkelfilen {0}: sjekk stien i innstillingen nhn.helseid.jwkPath.',
  },
  'key-invalid': {
    en: 'The HelseID key is not a JSON Web Key ({0}). Use the private JWK downloaded from HelseID selvbetjening.',
    nb: 'HelseID-nøkkelen er ikke en JSON Web Key ({0}). Bruk den private JWK-en lastet ned fra HelseID selvbetjening.',
  },
  'key-public-only': {
    en: 'The HelseID key has no private part: this is the public key. Use the private JWK that was downloaded when the client was created.',
    nb: 'HelseID-nøkkelen mangler privat del: dette er den offentlige nøkkelen. Bruk den private JWK-en som ble lastet ned da klienten ble laget.',
  },
  'key-unsupported': {
    en: 'The HelseID key type or algorithm {0} is not supported; use an RSA (RS256/PS256) or EC P-256 (ES256) key.',
    nb: 'Nøkkeltypen eller algoritmen {0} støttes ikke; bruk en RSA- (RS256/PS256) eller EC P-256-nøkkel (ES256).',
  },
  'not-configured': {
    en: 'HelseID is not set up: {0}. Set nhn.helseid.clientId and a key (command "NHN: Set HelseID key" or nhn.helseid.jwkPath).',
    nb: 'HelseID er ikke satt opp: {0}. Sett nhn.helseid.clientId og en nøkkel (kommandoen «NHN: Angi HelseID-nøkkel» eller nhn.helseid.jwkPath).',
  },
  'unknown-client': {
    en: 'HelseID does not know the client {0} at {1} (invalid_client). Check the client id and the environment (test or production); if both are right, the key is not the one registered for this client.',
    nb: 'HelseID kjenner ikke klienten {0} hos {1} (invalid_client). Sjekk klient-ID-en og miljøet (test eller produksjon); er begge riktige, er nøkkelen ikke den som er registrert for klienten.',
  },
  'wrong-key': {
    en: 'HelseID refused the signature of client {0} (invalid_client): the key{1} is not the one registered for this client. Download the key again or register its public part in HelseID selvbetjening.',
    nb: 'HelseID avviste signaturen til klient {0} (invalid_client): nøkkelen{1} er ikke den som er registrert for klienten. Last ned nøkkelen på nytt eller registrer den offentlige delen i HelseID selvbetjening.',
  },
  'missing-scope': {
    en: 'The client {0} does not have the scope {1} (invalid_scope). Ask for access to it in HelseID selvbetjening, or change nhn.helseid.scopes.',
    nb: 'Klienten {0} har ikke scopet {1} (invalid_scope). Be om tilgang i HelseID selvbetjening, eller endre nhn.helseid.scopes.',
  },
  'nonce-loop': {
    en: "{0} asked for a new DPoP nonce again after the retry; giving up instead of looping. Check that this computer's clock is right, then try again.",
    nb: '{0} ba om en ny DPoP-nonce igjen etter nytt forsøk; gir opp i stedet for å gå i ring. Sjekk at klokka på maskinen går riktig, og prøv igjen.',
  },
  network: {
    en: 'Cannot reach {0} ({1}). Check the network connection, proxy or VPN.',
    nb: 'Får ikke kontakt med {0} ({1}). Sjekk nettverk, proxy eller VPN.',
  },
  timeout: {
    en: '{0} did not answer within {1} s. Try again later.',
    nb: '{0} svarte ikke innen {1} s. Prøv igjen senere.',
  },
  discovery: {
    en: 'HelseID discovery at {0} failed ({1}). Check the issuer URL.',
    nb: 'HelseID-oppslaget på {0} feilet ({1}). Sjekk utsteder-URL-en.',
  },
  'token-refused': {
    en: 'HelseID refused the token request for client {0}: {1}.',
    nb: 'HelseID avviste tokenforespørselen for klient {0}: {1}.',
  },
  'api-unauthorized': {
    en: "{0} refused the access token (HTTP 401{1}). The token or its DPoP proof was not accepted; check the computer's clock and the scope {2}.",
    nb: '{0} avviste tilgangstokenet (HTTP 401{1}). Tokenet eller DPoP-beviset ble ikke godtatt; sjekk klokka på maskinen og scopet {2}.',
  },
  'api-forbidden': {
    en: '{0} says the client may not do this (HTTP 403). The token needs the scope {1}; ask for access in HelseID selvbetjening.',
    nb: '{0} sier at klienten ikke har lov til dette (HTTP 403). Tokenet trenger scopet {1}; be om tilgang i HelseID selvbetjening.',
  },
  'api-failed': {
    en: '{0} answered HTTP {1}{2}.',
    nb: '{0} svarte HTTP {1}{2}.',
  },
});

export type HelseIdErrorCode = MessageKey<typeof helseIdMessages>;

export class HelseIdError extends Error {
  override readonly name = 'HelseIdError';
  constructor(
    readonly code: HelseIdErrorCode,
    readonly args: readonly MessageArg[] = [],
  ) {
    super(helseIdMessages.text('en', code, ...args));
  }

  localized(language: Language): string {
    return helseIdMessages.text(language, this.code, ...this.args);
  }
}

/** A server's `error` value, cut short and stripped to a safe alphabet so nothing odd reaches a message. */
export function safeServerText(value: unknown, max = 80): string {
  if (typeof value !== 'string') return '';
  return value.replace(/[^\p{L}\p{N} _.:,;'()/+=-]/gu, '').slice(0, max);
}
