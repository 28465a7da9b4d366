// StructureDefinition.context: where an extension may be used. `element` contexts name a resource,
// data type or element path (`Patient`, `Address`, `Address.district`, `Element`); `extension`
// contexts the url of the extension it may be a part of. `fhirpath` contexts are matched by their leading path.

import type { ExtensionSite } from './site';

const NOT_DOMAIN = new Set(['Bundle', 'Binary', 'Parameters']);

/** The names the place of use goes by: its paths and type, and the abstract types it is an instance of. */
function namesOf(site: ExtensionSite): Set<string> {
  const names = new Set(site.context);
  const rt = site.holder.resourceType;
  if (rt && site.context[0] === rt) {
    names.add('Resource');
    if (!NOT_DOMAIN.has(rt)) names.add('DomainResource');
  } else {
    names.add('Element');
    if (site.context.length === 1 && site.context[0].includes('.')) names.add('BackboneElement');
  }
  return names;
}

/**
 * Where R4 itself uses an extension outside its declared context: its own snapshots (and every profile
 * generated from them, e.g. HL7 Norway's no-basis) put structuredefinition-fhir-type on
 * ElementDefinition.type, while the definition says ElementDefinition.type.code. Flagging the spec's
 * own output would be noise, so that place is allowed too.
 */
const R4_OWN_USE: Record<string, string[]> = {
  'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type': ['ElementDefinition.type'],
};

export function contextAllows(contexts: { type: string; expression: string }[], site: ExtensionSite, parentUrl: string | undefined, url?: string): boolean {
  if (!contexts.length) return true;
  const names = namesOf(site);
  if (url && R4_OWN_USE[url]?.some((n) => names.has(n))) return true;
  return contexts.some((c) => {
    // A FHIRPath context is read by its leading path (`Patient.address.where(use = 'home')` → Patient.address):
    // an extension anywhere else is certainly outside it; the filter itself is not evaluated (allowed).
    if (c.type === 'fhirpath') {
      const head = /^[A-Z][A-Za-z]*(\.[a-z][A-Za-z]*)*/.exec(c.expression.trim())?.[0];
      return !head || c.expression.includes('|') || names.has(head);
    }
    // An `extension` context names an extension's url; one that names a type instead (no-basis
    // sourceofinformation says `extension` / `AllergyIntolerance`) is read as the element it names.
    if (c.type === 'extension' && /^[a-z][a-z0-9+.-]*:/i.test(c.expression)) return c.expression === parentUrl;
    // `Element` is every element, the resource itself included (the FHIR validator reads it so; R4's
    // structuredefinition-wg and -fmm, declared on Element, sit on StructureDefinition roots).
    return c.expression === 'Element' || names.has(c.expression);
  });
}

/** The most specific name of the place of use, for the message (`Patient`, `Patient.address`, `Address.district`). */
export function usedOn(site: ExtensionSite): string {
  return site.context[1] ?? site.context[0];
}
