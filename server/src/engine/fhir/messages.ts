// The FHIR validator's sentences in English and Norwegian bokmål. `{0}` is the element path.

import type { Language } from '../core/types';
import { fill } from '../../../../shared/fill';

const MESSAGES = {
  jsonSyntax: { en: 'JSON syntax error: {0}', nb: 'Syntaksfeil i JSON: {0}' },
  unknownResourceType: { en: "'{0}' is not a FHIR R4 resource type", nb: "'{0}' er ikke en ressurstype i FHIR R4" },
  missingResourceType: { en: '{0}: a resource needs a resourceType', nb: '{0}: en ressurs må ha resourceType' },
  unknownElement: { en: "{0}: unknown element '{1}' (not in {2})", nb: "{0}: ukjent element '{1}' (finnes ikke i {2})" },
  unknownElementHint: { en: "{0}: unknown element '{1}' (not in {2}; did you mean '{3}'?)", nb: "{0}: ukjent element '{1}' (finnes ikke i {2}; mente du '{3}'?)" },
  tooFew: { en: "{0}: '{1}' is required (minimum {2}, found {3})", nb: "{0}: '{1}' er påkrevd (minst {2}, fant {3})" },
  tooMany: { en: '{0}: at most {1} allowed, found {2}', nb: '{0}: høyst {1} tillatt, fant {2}' },
  notArray: { en: '{0}: repeats (max {1}), so JSON needs an array', nb: '{0}: kan gjentas (maks {1}), så JSON krever en liste' },
  notSingle: { en: '{0}: occurs at most once, so JSON needs a single value, not an array', nb: '{0}: forekommer høyst én gang, så JSON krever én verdi, ikke en liste' },
  wrongJsonType: { en: '{0}: {1} must be a JSON {2}, found {3}', nb: '{0}: {1} må være JSON {2}, fant {3}' },
  xmlValueOnComplex: { en: '{0}: {1} has child elements, not a value attribute', nb: '{0}: {1} har barneelementer, ikke et value-attributt' },
  xmlOrder: { en: "{0}: '{1}' must come before '{2}' (FHIR XML keeps the definition's order)", nb: "{0}: '{1}' må komme før '{2}' (FHIR-XML følger rekkefølgen i definisjonen)" },
  badFormat: { en: "{0}: '{1}' is not a valid {2}", nb: "{0}: '{1}' er ikke gyldig {2}" },
  emptyElement: { en: '{0}: an element must have a value or children', nb: '{0}: et element må ha en verdi eller barn' },
  notInValueSet: { en: "{0}: '{1}' is not in the required value set {2} ({3})", nb: "{0}: '{1}' er ikke i det påkrevde verdisettet {2} ({3})" },
  codingNotInValueSet: { en: "{0}: no coding is in the required value set {1} (found {2})", nb: '{0}: ingen koding er i det påkrevde verdisettet {1} (fant {2})' },
  fixedValue: { en: '{0}: must be exactly {1}', nb: '{0}: må være nøyaktig {1}' },
  patternValue: { en: '{0}: must match the pattern {1}', nb: '{0}: må samsvare med mønsteret {1}' },
  invariant: { en: '{0}: {1} ({2})', nb: '{0}: {1} ({2})' },
  notEvaluated: {
    en: '{0} FHIRPath invariant(s) could not be evaluated here and were not checked: {1}',
    nb: '{0} FHIRPath-invariant(er) kunne ikke evalueres her og ble ikke kontrollert: {1}',
  },
  useCode: { en: "Change to '{0}'", nb: "Endre til '{0}'" },
  invalidNin: { en: '{0}: {1} is not a valid {2}', nb: '{0}: {1} er ikke et gyldig {2}' },
  ninKindMismatch: { en: '{0}: {1} is a {2}, but the system {3} is for {4}', nb: '{0}: {1} er et {2}, men systemet {3} er for {4}' },
  unknownProfile: {
    en: "Profile '{0}' was not found (workspace, nhn.fhir.packagePaths, ~/.fhir/packages): validated against base R4 only",
    nb: "Profilen '{0}' ble ikke funnet (arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages): kun validert mot R4-basen",
  },
  profileLimits: { en: "Profile '{0}': {1}", nb: "Profilen '{0}': {1}" },
  sliceMin: { en: "{0}: slice '{1}' is required (minimum {2}, found {3})", nb: "{0}: snittet '{1}' er påkrevd (minst {2}, fant {3})" },
  sliceMax: { en: "{0}: slice '{1}' allows at most {2}, found {3}", nb: "{0}: snittet '{1}' tillater høyst {2}, fant {3}" },
  unknownExtension: {
    en: "Extension definition '{0}' was not found (R4, workspace, nhn.fhir.packagePaths, ~/.fhir/packages): its value and parts are not checked",
    nb: "Utvidelsesdefinisjonen '{0}' ble ikke funnet (R4, arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages): verdien og delene kontrolleres ikke",
  },
  unknownModifierExtension: {
    en: "{0}: modifier extension '{1}' has no definition here (R4, workspace, nhn.fhir.packagePaths, ~/.fhir/packages); a system must not ignore a modifier extension it does not know",
    nb: "{0}: modifikatorutvidelsen '{1}' har ingen definisjon her (R4, arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages); et system skal ikke ignorere en modifikatorutvidelse det ikke kjenner",
  },
  extensionContext: {
    en: "{0}: extension '{1}' is not defined for use on {2} (context: {3})",
    nb: "{0}: utvidelsen '{1}' er ikke definert for bruk på {2} (kontekst: {3})",
  },
  unknownSubExtension: {
    en: "{0}: '{1}' is not a part of extension '{2}' (parts: {3})",
    nb: "{0}: '{1}' er ikke en del av utvidelsen '{2}' (deler: {3})",
  },
  notModifier: {
    en: "{0}: extension '{1}' is not a modifier extension: it belongs in 'extension', not 'modifierExtension'",
    nb: "{0}: utvidelsen '{1}' er ikke en modifikatorutvidelse: den hører hjemme i 'extension', ikke 'modifierExtension'",
  },
  isModifier: {
    en: "{0}: extension '{1}' is a modifier extension (it changes the meaning of its element): it belongs in 'modifierExtension'",
    nb: "{0}: utvidelsen '{1}' er en modifikatorutvidelse (den endrer betydningen av elementet): den hører hjemme i 'modifierExtension'",
  },
  extensionTooMany: { en: "{0}: extension '{1}' may occur at most {2} time(s) here, found {3}", nb: "{0}: utvidelsen '{1}' kan forekomme høyst {2} gang(er) her, fant {3}" },
  wrongType: { en: "{0}: type {1} is not allowed here (allowed: {2})", nb: '{0}: typen {1} er ikke tillatt her (tillatt: {2})' },
  extensionUrlNotAbsolute: {
    en: "{0}: extension url '{1}' must be absolute (a relative url names a part of a complex extension, and this extension is in none)",
    nb: "{0}: utvidelsens url '{1}' må være absolutt (en relativ url navngir en del av en kompleks utvidelse, og denne utvidelsen står ikke i noen)",
  },
  bundleNoFullUrl: {
    en: '{0}: every entry needs a fullUrl, the identity of its resource (only transactions and batches may leave it out)',
    nb: '{0}: hver oppføring trenger en fullUrl, identiteten til ressursen (bare transaksjoner og batcher kan utelate den)',
  },
  bundleFullUrlRelative: { en: "{0}: the fullUrl must be an absolute URL, not '{1}'", nb: "{0}: fullUrl må være en absolutt URL, ikke '{1}'" },
  bundleFullUrlNoId: {
    en: "{0}: the fullUrl '{1}' looks like a RESTful server URL, but the resource has no id",
    nb: "{0}: fullUrl '{1}' ser ut som en RESTful server-URL, men ressursen har ingen id",
  },
  bundleFullUrlMismatch: {
    en: "{0}: the fullUrl '{1}' looks like a RESTful server URL, so it must end with the resource's type and id ({2})",
    nb: "{0}: fullUrl '{1}' ser ut som en RESTful server-URL, så den må slutte med ressursens type og id ({2})",
  },
  narrativeElement: { en: "{0}: <{1}> is not allowed in a narrative (basic HTML only, txt-1)", nb: '{0}: <{1}> er ikke tillatt i en narrativ (bare enkel HTML, txt-1)' },
  narrativeActive: { en: "{0}: '{1}' on <{2}> is active content, not allowed in a narrative (txt-1)", nb: "{0}: '{1}' på <{2}> er aktivt innhold, ikke tillatt i en narrativ (txt-1)" },
  narrativeEntity: { en: '{0}: {1} is not an XML entity (the narrative is XHTML: use the character or &#…;)', nb: '{0}: {1} er ikke en XML-entitet (narrativen er XHTML: bruk tegnet eller &#…;)' },
  narrativeNamespace: { en: '{0}: the div must be in the XHTML namespace (xmlns="http://www.w3.org/1999/xhtml")', nb: '{0}: div må være i XHTML-navnerommet (xmlns="http://www.w3.org/1999/xhtml")' },
  narrativeEmpty: { en: '{0}: the narrative has no content (txt-2: some non-whitespace content is required)', nb: '{0}: narrativen har ikke innhold (txt-2: noe innhold som ikke er blanktegn kreves)' },
  valueBelowMin: { en: '{0}: {1} is less than the minimum {2} the profile allows', nb: '{0}: {1} er mindre enn minimum {2} som profilen tillater' },
  valueAboveMax: { en: '{0}: {1} is greater than the maximum {2} the profile allows', nb: '{0}: {1} er større enn maksimum {2} som profilen tillater' },
  valueTooShort: { en: "{0}: '{1}' is shorter than the minimum length {2}", nb: "{0}: '{1}' er kortere enn minstelengden {2}" },
  valueTooLong: { en: "{0}: '{1}' is longer than the maximum length {2}", nb: "{0}: '{1}' er lengre enn maksimal lengde {2}" },
  referenceTarget: { en: "{0}: the reference {2} is to a {1}, which this element does not allow (allowed: {3})", nb: '{0}: referansen {2} peker til {1}, som dette elementet ikke tillater (tillatt: {3})' },
  attachmentSize: { en: '{0}: the stated size {1} does not match the data, which is {2} bytes', nb: '{0}: oppgitt størrelse {1} stemmer ikke med dataene, som er {2} byte' },
  questionnaireNotFound: {
    en: "Questionnaire '{0}' was not found (contained, Bundle, workspace, nhn.fhir.packagePaths, ~/.fhir/packages): the answers are not checked against it",
    nb: "Skjemaet (Questionnaire) '{0}' ble ikke funnet (contained, Bundle, arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages): svarene kontrolleres ikke mot det",
  },
  qrLinkIdNotFound: { en: "{0}: linkId '{1}' is not in the questionnaire", nb: "{0}: linkId '{1}' finnes ikke i skjemaet" },
  qrMisplaced: { en: "{0}: the item '{1}' is in the wrong place (the questionnaire has it at another level)", nb: "{0}: elementet '{1}' står på feil sted (skjemaet har det på et annet nivå)" },
  qrOrder: { en: "{0}: item '{1}' is out of order (the questionnaire has it before '{2}')", nb: "{0}: elementet '{1}' står i feil rekkefølge (skjemaet har det før '{2}')" },
  qrRequiredMissing: { en: "{0}: no answer for the required item '{1}'", nb: "{0}: mangler svar på det påkrevde elementet '{1}'" },
  qrRequiredGroupEmpty: { en: "{0}: the required group '{1}' has no items", nb: "{0}: den påkrevde gruppen '{1}' har ingen elementer" },
  qrMinOccurs: { en: "{0}: item '{1}' needs at least {2} answer(s), found {3}", nb: "{0}: elementet '{1}' krever minst {2} svar, fant {3}" },
  qrMaxOccurs: { en: "{0}: item '{1}' allows at most {2} answer(s), found {3}", nb: "{0}: elementet '{1}' tillater høyst {2} svar, fant {3}" },
  qrOnlyOneAnswer: { en: "{0}: item '{1}' does not repeat: one answer allowed, found {2}", nb: "{0}: elementet '{1}' kan ikke gjentas: ett svar tillatt, fant {2}" },
  qrOnlyOneItem: { en: "{0}: item '{1}' does not repeat: one response item with this linkId allowed, found {2}", nb: "{0}: elementet '{1}' kan ikke gjentas: ett svarelement med denne linkId tillatt, fant {2}" },
  qrGroupAnswer: { en: "{0}: '{1}' is a group: a group holds items, not answers", nb: "{0}: '{1}' er en gruppe: en gruppe har elementer, ikke svar" },
  qrDisplayAnswer: { en: "{0}: '{1}' is a display item: it cannot have answers", nb: "{0}: '{1}' er et visningselement: det kan ikke ha svar" },
  qrDisplayItems: { en: "{0}: '{1}' is a display item: it cannot have items", nb: "{0}: '{1}' er et visningselement: det kan ikke ha elementer" },
  qrItemsOutsideAnswer: { en: "{0}: '{1}' is a question: its nested items belong inside an answer", nb: "{0}: '{1}' er et spørsmål: underelementene hører hjemme i et svar" },
  qrText: { en: "{0}: the text differs from the questionnaire's text for '{1}' ('{2}')", nb: "{0}: teksten avviker fra skjemaets tekst for '{1}' ('{2}')" },
  qrNotEnabled: { en: "{0}: item '{1}' has an answer, but it is not enabled (enableWhen)", nb: "{0}: elementet '{1}' har svar, men er ikke aktivert (enableWhen)" },
  qrAnswerType: { en: "{0}: item '{1}' is of type {2}, so the answer must be {3}, not {4}", nb: "{0}: elementet '{1}' er av typen {2}, så svaret må være {3}, ikke {4}" },
  qrNotInOptions: { en: "{0}: {1} is not one of the answer options of item '{2}' ({3})", nb: "{0}: {1} er ikke et av svaralternativene til elementet '{2}' ({3})" },
  qrNotInValueSet: { en: "{0}: {1} is not in the value set {2} of item '{3}'", nb: "{0}: {1} er ikke i verdisettet {2} for elementet '{3}'" },
  qrWrongDisplay: { en: "{0}: wrong display '{1}' for {2} (expected '{3}')", nb: "{0}: feil visningsnavn '{1}' for {2} (forventet '{3}')" },
  qrBelowMin: { en: "{0}: {1} is less than the minimum {2} of item '{3}'", nb: "{0}: {1} er mindre enn minimum {2} for elementet '{3}'" },
  qrAboveMax: { en: "{0}: {1} is greater than the maximum {2} of item '{3}'", nb: "{0}: {1} er større enn maksimum {2} for elementet '{3}'" },
  qrTooShort: { en: "{0}: '{1}' is shorter than the minimum length {2} of item '{3}'", nb: "{0}: '{1}' er kortere enn minstelengden {2} for elementet '{3}'" },
  qrTooLong: { en: "{0}: '{1}' is longer than the maximum length {2} of item '{3}'", nb: "{0}: '{1}' er lengre enn maksimal lengde {2} for elementet '{3}'" },
  qrAttachmentTooLarge: { en: "{0}: the attachment is {1} bytes, more than the {2} allowed by item '{3}'", nb: "{0}: vedlegget er {1} byte, mer enn de {2} elementet '{3}' tillater" },
  qrMimeType: { en: "{0}: content type '{1}' is not allowed by item '{2}' (allowed: {3})", nb: "{0}: innholdstypen '{1}' er ikke tillatt for elementet '{2}' (tillatt: {3})" },
  qrUnitNotAllowed: { en: "{0}: the unit of {1} is not one of the unit options of item '{2}' ({3})", nb: "{0}: enheten i {1} er ikke et av enhetsvalgene for elementet '{2}' ({3})" },
  qrUnitNotInValueSet: { en: "{0}: the unit of {1} is not in the unit value set {2} of item '{3}'", nb: "{0}: enheten i {1} er ikke i enhetsverdisettet {2} for elementet '{3}'" },
  qrQuantityNoUnits: {
    en: '{0}: {1} cannot be compared with the {2} {3}: both need a UCUM unit (system and code)',
    nb: '{0}: {1} kan ikke sammenlignes med {2} {3}: begge trenger en UCUM-enhet (system og kode)',
  },
  qrQuantityIncomparable: { en: '{0}: {1} cannot be compared with the {2} {3}: the units cannot be converted', nb: '{0}: {1} kan ikke sammenlignes med {2} {3}: enhetene kan ikke regnes om' },
  qrReferenceNotResource: { en: "{0}: '{1}' in the reference {2} is not a FHIR resource type", nb: "{0}: '{1}' i referansen {2} er ikke en FHIR-ressurstype" },
  qrReferenceNotAllowed: { en: "{0}: a reference to {1} is not allowed by item '{2}' (allowed: {3})", nb: "{0}: en referanse til {1} er ikke tillatt for elementet '{2}' (tillatt: {3})" },
} satisfies Record<string, Record<Language, string>>;

export type FhirMessage = keyof typeof MESSAGES;

export function fhirText(lang: Language, key: FhirMessage, args: readonly (string | number)[]): string {
  return fill(MESSAGES[key][lang], args);
}
