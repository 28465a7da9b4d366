// Claimed identity numbers in an XML document, read from the shared parse (xml/parse.ts): a KITH
// `<Id>` whose sibling `<TypeId V="FNR|DNR|HNR">` names its kind (inside `<Ident>` in MsgHead, or
// another wrapper such as `<Fodselsnummer>` in sykmelding), and a FHIR `<identifier>` whose `<system>`
// is the fødselsnummer or D-number system. Comments, CDATA and nesting are the parser's business, so a
// commented-out `<Ident>` claims nothing here.

import { attribute, childElements, elements, type XmlDocument, type XmlElement, type XmlText } from '../xml/parse';
import { FHIR_SYSTEMS, KITH_TYPES, claim, type Claim } from './claims';

function kithClaim(text: string, id: XmlElement): Claim | undefined {
  const parent = id.parent;
  if (!parent) return undefined;
  const type = childElements(parent, 'TypeId')
    .map((t) => attribute(t, 'V')?.value)
    .find((v) => v !== undefined);
  const claimed = type ? KITH_TYPES[type] : undefined;
  if (!claimed) return undefined;
  const texts = id.children.filter((c): c is XmlText => c.kind === 'text' || c.kind === 'cdata');
  if (texts.length !== 1 || texts[0].kind !== 'text') return undefined;
  return claim(text, texts[0].start, texts[0].end, claimed);
}

function fhirClaim(text: string, identifier: XmlElement): Claim | undefined {
  const system = childElements(identifier, 'system')
    .map((s) => attribute(s, 'value')?.value)
    .find((v) => v !== undefined);
  const claimed = system ? FHIR_SYSTEMS[system] : undefined;
  const value = childElements(identifier, 'value')
    .map((v) => attribute(v, 'value'))
    .find((a) => a !== undefined);
  if (!claimed || !value) return undefined;
  return claim(text, value.valueStart, value.valueEnd, claimed);
}

export function xmlClaims(text: string, xml: XmlDocument): Claim[] {
  const out: Claim[] = [];
  // An index loop: this runs once per analysis over every element, and `for…of` there (entered while
  // not yet optimized) allocated an iterator result per element.
  const all = elements(xml.root);
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const c = el.local === 'Id' ? kithClaim(text, el) : el.local === 'identifier' ? fhirClaim(text, el) : undefined;
    if (c) out.push(c);
  }
  return out.sort((a, b) => a.start - b.start);
}
