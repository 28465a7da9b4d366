// Reference.reference against the element's targetProfile types: `Group/12345` where only Patient
// or Location may be referenced is an error. The type is read from the reference itself (relative or
// RESTful absolute), or from `type`; contained (`#id`), urn: and logical references are left alone,
// and so are target profiles whose type cannot be told here (non-core profiles not loaded).

import { textSpan, type FhirDocument, type FhirNode } from '../tree';
import type { TypeRef } from '../definitions/model';
import type { Report } from './issue';

const CORE = 'http://hl7.org/fhir/StructureDefinition/';
const TYPED = /(?:^|\/)([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** The resource types the targetProfiles allow, or undefined when any (or an unknown one) may be meant. */
export function allowedTargets(types: TypeRef[] | undefined, typeOfProfile: (url: string) => string | undefined): string[] | undefined {
  const refs = (types ?? []).filter((t) => t.code === 'Reference');
  const profiles = refs.flatMap((t) => t.targetProfile ?? []);
  if (!profiles.length) return undefined;
  const out = new Set<string>();
  for (const p of profiles) {
    const url = p.split('|')[0];
    const type = url.startsWith(CORE) ? url.slice(CORE.length) : typeOfProfile(url);
    if (!type || type === 'Resource' || type === 'DomainResource') return undefined;
    out.add(type);
  }
  return [...out];
}

export function checkReferenceTarget(
  node: FhirNode,
  allowed: string[] | undefined,
  isResource: (t: string) => boolean,
  doc: FhirDocument,
  path: string,
  report: Report,
): void {
  if (!allowed?.length) return;
  const ref = node.children.find((c) => c.name === 'reference');
  const value = typeof ref?.value === 'string' ? ref.value : undefined;
  if (!value || value.startsWith('#') || /^urn:/i.test(value)) return;
  const type = TYPED.exec(value)?.[1];
  if (!type || !isResource(type) || allowed.includes(type)) return;
  report({
    rule: 'fhir/reference-target',
    severity: 'error',
    span: textSpan(ref!, doc.format),
    message: 'reference-target',
    args: [path, type, value, allowed.join(', ')],
  });
}
