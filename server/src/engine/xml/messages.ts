// Well-formedness messages in English and Norwegian bokmål, by parser error code.

import { defineMessages, type MessageKey } from '../../../../shared/messages';

export const xmlMessages = defineMessages('xml', {
  'unescaped-lt': { en: "'<' must start a tag; write &lt; for a literal '<'", nb: "'<' må starte en tagg; skriv &lt; for en bokstavelig '<'" },
  'unclosed-element': { en: "Element '{0}' is not closed: expected </{0}>", nb: "Elementet '{0}' er ikke lukket: forventet </{0}>" },
  'no-root-element': { en: 'The document has no root element', nb: 'Dokumentet har ikke noe rotelement' },
  'text-outside-root': { en: 'Text is not allowed outside the root element', nb: 'Tekst er ikke tillatt utenfor rotelementet' },
  'invalid-character': { en: 'The character U+{0} is not allowed in XML', nb: 'Tegnet U+{0} er ikke tillatt i XML' },
  'unescaped-ampersand': { en: "'&' must start a reference such as &amp;", nb: "'&' må starte en referanse som &amp;" },
  'invalid-character-reference': { en: '&{0}; is not a character allowed in XML', nb: '&{0}; er ikke et tegn som er tillatt i XML' },
  'entity-not-expanded': {
    en: 'The entity &{0}; is declared in the DTD but not expanded: DTD entities are never loaded or expanded here',
    nb: 'Entiteten &{0}; er deklarert i DTD-en, men ikke ekspandert: DTD-entiteter lastes eller ekspanderes aldri her',
  },
  'undefined-entity': { en: 'The entity &{0}; is not defined', nb: 'Entiteten &{0}; er ikke definert' },
  'unterminated-comment': { en: "Comment is not closed with '-->'", nb: "Kommentaren er ikke lukket med '-->'" },
  'double-hyphen-in-comment': { en: "'--' is not allowed inside a comment", nb: "'--' er ikke tillatt inne i en kommentar" },
  'unterminated-cdata': { en: "CDATA section is not closed with ']]>'", nb: "CDATA-seksjonen er ikke lukket med ']]>'" },
  'unterminated-doctype': { en: "DOCTYPE is not closed with '>'", nb: "DOCTYPE er ikke lukket med '>'" },
  'misplaced-doctype': { en: 'DOCTYPE must come before the root element', nb: 'DOCTYPE må komme før rotelementet' },
  'unterminated-pi': { en: "Processing instruction is not closed with '?>'", nb: "Prosesseringsinstruksjonen er ikke lukket med '?>'" },
  'misplaced-declaration': { en: 'The XML declaration must be the very first thing in the document', nb: 'XML-deklarasjonen må stå aller først i dokumentet' },
  'unclosed-start-tag': { en: "Start tag of '{0}' is not closed with '>'", nb: "Starttaggen til '{0}' er ikke lukket med '>'" },
  'duplicate-attribute': { en: "Attribute '{0}' appears twice on '{1}'", nb: "Attributtet '{0}' forekommer to ganger på '{1}'" },
  'multiple-roots': { en: "A document has one root element; '{0}' is a second one", nb: "Et dokument har ett rotelement; '{0}' er et til" },
  'malformed-attribute': { en: "Unexpected '{0}' in the start tag of '{1}'", nb: "Uventet '{0}' i starttaggen til '{1}'" },
  'attribute-without-value': { en: 'Attribute \'{0}\' has no value: write {0}="…"', nb: 'Attributtet \'{0}\' har ingen verdi: skriv {0}="…"' },
  'unterminated-attribute-value': { en: "The value of '{0}' is not closed with its quote", nb: "Verdien til '{0}' er ikke lukket med anførselstegnet sitt" },
  'unquoted-attribute-value': { en: "The value of '{0}' must be quoted", nb: "Verdien til '{0}' må stå i anførselstegn" },
  'undeclared-prefix': { en: 'The prefix \'{0}\' is not declared (xmlns:{0}="…")', nb: 'Prefikset \'{0}\' er ikke deklarert (xmlns:{0}="…")' },
  'unclosed-end-tag': { en: "End tag '</{0}' is not closed with '>'", nb: "Slutt-taggen '</{0}' er ikke lukket med '>'" },
  'malformed-end-tag': { en: "'</' must be followed by an element name", nb: "'</' må følges av et elementnavn" },
  'unexpected-end-tag': { en: "End tag '</{0}>' does not match the open element '{1}'", nb: "Slutt-taggen '</{0}>' passer ikke til det åpne elementet '{1}'" },
  'orphan-end-tag': { en: "End tag '</{0}>' has no matching start tag", nb: "Slutt-taggen '</{0}>' har ingen tilhørende starttagg" },
  'encoding-conflict': {
    en: 'The file is {0} (it starts with a byte-order mark), but its XML declaration says encoding="{1}": receivers such as libxml2 2.9 (xmllint) and expat refuse such a file as not well-formed. Declare UTF-16, or save the file in {1}',
    nb: 'Filen er {0} (den starter med et byte-order mark), men XML-deklarasjonen sier encoding="{1}": mottakere som libxml2 2.9 (xmllint) og expat avviser en slik fil som ikke velformet. Deklarer UTF-16, eller lagre filen som {1}',
  },
  'dtd-not-loaded': {
    en: 'This document has a DOCTYPE. DTDs and external entities are never loaded (no file or network access), so it is checked without them.',
    nb: 'Dokumentet har en DOCTYPE. DTD-er og eksterne entiteter lastes aldri (ingen fil- eller nettverkstilgang), så det kontrolleres uten dem.',
  },
});

/** A parser error code: the key of its sentence. */
export type XmlMessage = MessageKey<typeof xmlMessages>;

export const xmlMessage = xmlMessages.text;
