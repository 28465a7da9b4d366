// The XSD check's sentences in English and Norwegian bokmål. Element names are shown without their
// namespace URIs; values are quoted with the facet they broke.

import { defineMessages, type MessageKey } from '../../../../shared/messages';

export const xsdMessages = defineMessages('xsd', {
  'unexpected-element': { en: "'{0}' is not allowed here.", nb: "'{0}' er ikke tillatt her." },
  'unexpected-element-expected': { en: "'{0}' is not allowed here. Expected: {1}.", nb: "'{0}' er ikke tillatt her. Forventet: {1}." },
  'missing-element': { en: "'{0}' is missing a required child element.", nb: "'{0}' mangler et påkrevd underelement." },
  'missing-element-expected': { en: "'{0}' is missing a required child element: {1}.", nb: "'{0}' mangler et påkrevd underelement: {1}." },
  'unexpected-attribute': { en: "Attribute '{1}' is not allowed on '{0}'.", nb: "Attributtet '{1}' er ikke tillatt på '{0}'." },
  'missing-attribute': { en: "'{0}' requires the attribute '{1}'.", nb: "'{0}' krever attributtet '{1}'." },
  'value-enumeration': {
    en: "'{2}' is not allowed in {0}: expected one of {3} (enumeration).",
    nb: "'{2}' er ikke tillatt i {0}: forventet en av {3} (enumeration).",
  },
  'value-pattern': { en: "'{2}' in {0} does not match the pattern {3}.", nb: "'{2}' i {0} passer ikke mønsteret {3}." },
  'value-length': { en: 'The value of {0} breaks the {1} facet (allowed: {3}).', nb: 'Verdien i {0} bryter fasetten {1} (tillatt: {3}).' },
  'value-range': { en: "'{2}' in {0} is out of range ({1} {3}).", nb: "'{2}' i {0} er utenfor området ({1} {3})." },
  'value-type': { en: "'{2}' is not a valid {3} in {0}.", nb: "'{2}' er ikke en gyldig {3} i {0}." },
  'value-other': { en: "'{2}' in {0} breaks the {1} facet.", nb: "'{2}' i {0} bryter fasetten {1}." },
  'fixed-value': { en: "{0} must be '{2}', not '{1}'.", nb: "{0} må være '{2}', ikke '{1}'." },
  'unknown-element': { en: "No schema declares '{0}' ({1}).", nb: "Ingen skjema deklarerer '{0}' ({1})." },
  'text-not-allowed': { en: "'{0}' may hold only elements, not text.", nb: "'{0}' kan bare inneholde elementer, ikke tekst." },
  'element-content-not-allowed': { en: "'{0}' may hold only text, not elements.", nb: "'{0}' kan bare inneholde tekst, ikke elementer." },
  'no-schema': {
    en: '{0} — no XSD found. Add a folder with its schemas (nhn.xml.schemaPaths, --schemas).',
    nb: '{0} — fant ingen XSD. Legg til en mappe med skjemaene (nhn.xml.schemaPaths, --schemas).',
  },
  wrapped: {
    en: 'This document wraps its message(s) in <{0}> ({1}), which has no schema here. Validated against their schemas: {2}. Not validated: {3}.',
    nb: 'Dokumentet pakker meldingen(e) inn i <{0}> ({1}), som ikke har noe skjema her. Validert mot sine skjemaer: {2}. Ikke validert: {3}.',
  },
  'wrapped-envelope': { en: 'the envelope <{0}> and everything outside the validated parts', nb: 'konvolutten <{0}> og alt utenfor de validerte delene' },
  'wrapped-also': { en: '{0} (no XSD)', nb: '{0} (ingen XSD)' },
  'no-xsd': { en: 'no XSD', nb: 'ingen XSD' },
  'at-line': { en: '{0} at line {1}', nb: '{0} på linje {1}' },
  'schema-broken': { en: 'The schema for {0} ({1}) cannot be compiled: {2}', nb: 'Skjemaet for {0} ({1}) kan ikke kompileres: {2}' },
  'schema-error': { en: 'This schema cannot be compiled: {0}', nb: 'Dette skjemaet kan ikke kompileres: {0}' },
  'schema-error-in': { en: 'An imported schema cannot be compiled ({0}:{1}): {2}', nb: 'Et importert skjema kan ikke kompileres ({0}:{1}): {2}' },
  'unresolved-import': {
    en: "No XSD found for the imported namespace {0}: '{1}' does not exist and no known schema declares it.",
    nb: "Fant ingen XSD for det importerte navnerommet {0}: '{1}' finnes ikke, og ingen kjent XSD deklarerer det.",
  },
  'remote-not-fetched': {
    en: "'{1}' is not downloaded (downloads are off) and no local XSD declares {0}; the import is skipped.",
    nb: "'{1}' lastes ikke ned (nedlasting er av), og ingen lokal XSD deklarerer {0}; importen hoppes over.",
  },
  'download-failed': {
    en: "No XSD for {0}: the download of '{1}' was refused or failed ({2}).",
    nb: "Ingen XSD for {0}: nedlastingen av '{1}' ble avvist eller feilet ({2}).",
  },
  'download-mismatch': { en: 'its sha256 is not the pinned one: {0}', nb: 'sha256 er ikke den festede: {0}' },
  'download-network': { en: 'no answer: {0}', nb: 'intet svar: {0}' },
  'download-too-large': { en: 'too large: {0}', nb: 'for stor: {0}' },
  'download-refused': { en: 'refused: {0}', nb: 'avvist: {0}' },
  'no-schema-pinned': {
    en: "{0} — no XSD found. Add a folder with its schemas (nhn.xml.schemaPaths, --schemas), or allow downloads (nhn.allowDownloads, --allow-downloads) to fetch NHN's published copy, verified by its sha256.",
    nb: '{0} — fant ingen XSD. Legg til en mappe med skjemaene (nhn.xml.schemaPaths, --schemas), eller tillat nedlasting (nhn.allowDownloads, --allow-downloads) for å hente den publiserte kopien, kontrollert mot sin sha256.',
  },
  'fix-allow-downloads': { en: 'Allow schema downloads…', nb: 'Tillat nedlasting av skjemaer…' },
  'schema-choice': { en: '{0} files declare {1}; using {2} (also: {3}).', nb: '{0} filer deklarerer {1}; bruker {2} (også: {3}).' },
  'not-validated': {
    en: 'Not validated against the schema: libxml2 cannot parse the document: {0}',
    nb: 'Ikke validert mot skjemaet: libxml2 kan ikke lese dokumentet: {0}',
  },
  'too-large': {
    en: 'File is {0} MB, above the XSD validation limit of {1} MB: not validated against its schema.',
    nb: 'Filen er {0} MB, over grensen for XSD-validering på {1} MB: ikke validert mot skjemaet.',
  },
  'wildcard-other': { en: 'an element of another namespace', nb: 'et element fra et annet navnerom' },
  'wildcard-any': { en: 'any element', nb: 'et hvilket som helst element' },
  'attribute-word': { en: 'attribute', nb: 'attributt' },
  'fix-insert': { en: 'Insert <{0}>', nb: 'Sett inn <{0}>' },
  'fix-replace': { en: "Replace with '{0}'", nb: "Erstatt med '{0}'" },
  'fix-add-attribute': { en: "Add attribute '{0}'", nb: "Legg til attributtet '{0}'" },
  'fix-choose-folder': { en: 'Choose schema folder…', nb: 'Velg skjemamappe…' },
  'hover-schema': { en: 'Schema', nb: 'Skjema' },
  'hover-type': { en: 'Type', nb: 'Type' },
  'source-document': { en: 'xsi:schemaLocation', nb: 'xsi:schemaLocation' },
  'source-workspace': { en: 'workspace', nb: 'arbeidsområdet' },
  'source-user': { en: 'nhn.xml.schemaPaths', nb: 'nhn.xml.schemaPaths' },
  'source-catalog': { en: 'XML catalog', nb: 'XML-katalog' },
  'source-download': { en: 'download cache', nb: 'nedlastingsbuffer' },
});

export type XsdMessage = MessageKey<typeof xsdMessages>;

export const xsdMessage = xsdMessages.text;
