// A profile's slicing, as the reference validator's snapshot generator and StructureDefinition checks
// read it. Two errors:
// - a slice that states a slicing different from the one its sliced element introduced in the same
//   differential (`extension` sliced by value:url, then `extension:x` re-stating it as value:type):
//   the generator refuses the redefinition (ATTEMPT_TO_CHANGE_SLICING);
// - a discriminator path that is not an element of the sliced element's type (`type` on an Extension).
// Paths through functions (`resolve()`, `extension('…')`, `ofType()`), `$this` and types that cannot be
// followed here (Resource, several types) are left alone: only what is known to be wrong is reported.

import type { R4Definitions } from '../definitions/store';
import { nameSpanOf, textSpan, type FhirDocument, type FhirNode } from '../tree';
import { pathExists } from './differential-paths';
import type { Report } from './issue';

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: FhirNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);
const text = (n: FhirNode | undefined) => (n && n.kind !== 'object' && n.value !== null && n.value !== undefined ? String(n.value) : undefined);

interface Slicing {
  node: FhirNode;
  ordered?: string;
  rules?: string;
  discriminators: { type?: string; path?: string }[];
}

function slicingOf(element: FhirNode): Slicing | undefined {
  const node = child(element, 'slicing');
  if (!node) return undefined;
  return {
    node,
    ordered: text(child(node, 'ordered')),
    rules: text(child(node, 'rules')),
    discriminators: kids(node, 'discriminator').map((d) => ({ type: text(child(d, 'type')), path: text(child(d, 'path')) })),
  };
}

/** As the reference validator's slicingMatches: a re-statement may leave out `ordered` and `rules`, not change them; discriminators must be the same. */
function sameSlicing(first: Slicing, again: Slicing): boolean {
  if (again.ordered !== undefined && again.ordered !== first.ordered) return false;
  if (again.rules !== undefined && again.rules !== first.rules) return false;
  return (
    first.discriminators.length === again.discriminators.length &&
    first.discriminators.every((d, i) => d.type === again.discriminators[i].type && d.path === again.discriminators[i].path)
  );
}

/** `unordered/open [value=url]`, the reference validator's summary (`??` for what is not stated). */
function summary(s: Slicing): string {
  const ordered = s.ordered === undefined ? '??' : s.ordered === 'true' ? 'ordered' : 'unordered';
  return `${ordered}/${s.rules ?? '??'} [${s.discriminators.map((d) => `${d.type}=${d.path}`).join(', ')}]`;
}

/** Whether `path` (a discriminator's, simple names only) names an element below `from`; undefined when that cannot be told. */
function discriminatorResolves(defs: R4Definitions, from: string, path: string): boolean | undefined {
  let at = from;
  for (const seg of path.split('.')) {
    // `value` names the choice `value[x]`.
    const plain = pathExists(defs, `${at}.${seg}`);
    const choice = plain === true ? undefined : pathExists(defs, `${at}.${seg}[x]`);
    if (plain === true) at = `${at}.${seg}`;
    else if (choice === true) at = `${at}.${seg}[x]`;
    else return plain === false && choice === false ? false : undefined;
  }
  return true;
}

export async function checkSdSlicing(sd: FhirNode, defs: R4Definitions, doc: FhirDocument, report: Report): Promise<void> {
  const type = text(child(sd, 'type'));
  if (text(child(sd, 'derivation')) !== 'constraint' || !type || (!defs.isResource(type) && !defs.type(type))) return;
  await defs.ensure(type);
  const elements = kids(child(sd, 'differential'), 'element');
  const byId = new Map<string, FhirNode>();
  for (const e of elements) {
    const id = text(child(e, 'id'));
    if (id) byId.set(id, e);
  }
  elements.forEach((element, i) => {
    const slicing = slicingOf(element);
    if (!slicing) return;
    const id = text(child(element, 'id'));
    const path = text(child(element, 'path'));
    // A slice (`…extension:x`) that re-states the slicing its sliced element (`…extension`) introduced.
    if (id && child(element, 'sliceName') && id.lastIndexOf(':') > id.lastIndexOf('.')) {
      const slicedId = id.slice(0, id.lastIndexOf(':'));
      const intro = byId.get(slicedId);
      const first = intro && !child(intro, 'sliceName') ? slicingOf(intro) : undefined;
      if (first && !sameSlicing(first, slicing)) {
        report({
          rule: 'fhir/sd-slicing',
          severity: 'error',
          span: nameSpanOf(slicing.node),
          message: 'sd-slicing-redefined',
          args: [`StructureDefinition.differential.element[${i}].slicing`, slicedId, summary(first), id, summary(slicing)],
        });
      }
    }
    if (!path?.startsWith(`${type}.`) && path !== type) return;
    const types = kids(element, 'type').map((t) => text(child(t, 'code')));
    const from = types.length === 1 && types[0] && defs.type(types[0]) && !/^(Element|BackboneElement)$/.test(types[0]) ? types[0] : path;
    kids(slicing.node, 'discriminator').forEach((d, j) => {
      const node = child(d, 'path');
      const p = text(node);
      if (!node || !p || !/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(p)) return;
      if (discriminatorResolves(defs, from, p) !== false) return;
      report({
        rule: 'fhir/sd-slicing',
        severity: 'error',
        span: textSpan(node, doc.format),
        message: 'sd-discriminator-path',
        args: [`StructureDefinition.differential.element[${i}].slicing.discriminator[${j}]`, p, path],
      });
    });
  });
}
