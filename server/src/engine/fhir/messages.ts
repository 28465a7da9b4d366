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
} satisfies Record<string, Record<Language, string>>;

export type FhirMessage = keyof typeof MESSAGES;

export function fhirText(lang: Language, key: FhirMessage, args: readonly (string | number)[]): string {
  return fill(MESSAGES[key][lang], args);
}
