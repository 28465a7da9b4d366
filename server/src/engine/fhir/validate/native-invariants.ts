// Invariants that hold on every resource, extension or Bundle, evaluated natively: the same
// expressions as the StructureDefinitions, without a FHIRPath evaluation per resource (a 2 000-entry
// Bundle would otherwise spend most of its time there; bdl-7's isDistinct() is quadratic in fhirpath).

import type { FhirNode } from '../tree';

const kids = (n: FhirNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);
// Loops, not find/filter: these run on every resource of a Bundle (dom-2…dom-6 on 2 000 entries).
function child(n: FhirNode | undefined, name: string): FhirNode | undefined {
  if (!n) return undefined;
  const children = n.children;
  for (let i = 0; i < children.length; i++) if (children[i].name === name) return children[i];
  return undefined;
}
/** Every `name` child of `n` satisfies `test` (true when there is none). */
function everyKid(n: FhirNode, name: string, test: (c: FhirNode) => boolean): boolean {
  const children = n.children;
  for (let i = 0; i < children.length; i++) if (children[i].name === name && !test(children[i])) return false;
  return true;
}

/** key → is the invariant satisfied by this node (in a resource whose %rootResource is `root`)? */
export const NATIVE_INVARIANTS: Record<string, (node: FhirNode, root: FhirNode, resource: FhirNode) => boolean> = {
  // contained.contained.empty()
  'dom-2': (n) => everyKid(n, 'contained', (c) => !child(c, 'contained')),
  // contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()
  'dom-4': (n) => everyKid(n, 'contained', (c) => !child(child(c, 'meta'), 'versionId') && !child(child(c, 'meta'), 'lastUpdated')),
  // contained.meta.security.empty()
  'dom-5': (n) => everyKid(n, 'contained', (c) => !child(child(c, 'meta'), 'security')),
  // text.`div`.exists()
  'dom-6': (n) => !!child(child(n, 'text'), 'div'),
  // extension.exists() != value.exists()
  'ext-1': (n) => !!child(n, 'extension') !== n.children.some((c) => /^value[A-Z]/.test(c.name)),
  // resource.exists() or request.exists() or response.exists()
  'bdl-5': (n) => !!(child(n, 'resource') || child(n, 'request') || child(n, 'response')),
  // fullUrl.exists() implies fullUrl.contains('/_history/').not()
  'bdl-8': (n) => !String(child(n, 'fullUrl')?.value ?? '').includes('/_history/'),
  // reference.startsWith('#').not() or (reference.substring(1) in %rootResource.contained.id)
  // `#` alone is a contained resource's reference to its container (R4's expression predates that rule).
  'ref-1': (n, root, resource) => {
    const ref = child(n, 'reference')?.value;
    if (typeof ref !== 'string' || !ref.startsWith('#')) return true;
    if (ref === '#') return resource !== root;
    return kids(root, 'contained').some((c) => child(c, 'id')?.value === ref.slice(1));
  },
  // R4 writes `enableWhen.count() > 2`, against its own text ("more than one"); corrected as R5 did.
  'que-12': (n) => kids(n, 'enableWhen').length <= 1 || !!child(n, 'enableBehavior'),
  // operator = 'exists' implies (answer is boolean): fhirpath.js does not see answerBoolean as a boolean here.
  'que-7': (n) => child(n, 'operator')?.value !== 'exists' || !!child(n, 'answerBoolean'),
  // The Bundle-level rules read the whole Bundle: natively, no FHIR JSON copy of 2 000 entries is made.
  // total.empty() or (type = 'searchset') or (type = 'history')
  'bdl-1': (n) => !child(n, 'total') || ['searchset', 'history'].includes(String(child(n, 'type')?.value)),
  // entry.search.empty() or (type = 'searchset')
  'bdl-2': (n) => child(n, 'type')?.value === 'searchset' || kids(n, 'entry').every((e) => !child(e, 'search')),
  // entry.all(request.exists() = (%resource.type = 'batch' or … 'transaction' or … 'history'))
  'bdl-3': (n) => {
    const want = ['batch', 'transaction', 'history'].includes(String(child(n, 'type')?.value));
    return kids(n, 'entry').every((e) => !!child(e, 'request') === want);
  },
  // entry.all(response.exists() = (%resource.type = 'batch-response' or … 'transaction-response' or … 'history'))
  'bdl-4': (n) => {
    const want = ['batch-response', 'transaction-response', 'history'].includes(String(child(n, 'type')?.value));
    return kids(n, 'entry').every((e) => !!child(e, 'response') === want);
  },
  // type = 'document' implies (identifier.system.exists() and identifier.value.exists())
  'bdl-9': (n) => child(n, 'type')?.value !== 'document' || (!!child(child(n, 'identifier'), 'system') && !!child(child(n, 'identifier'), 'value')),
  // type = 'document' implies (timestamp.hasValue())
  'bdl-10': (n) => child(n, 'type')?.value !== 'document' || (child(n, 'timestamp')?.value ?? undefined) !== undefined,
  // type = 'document' implies entry.first().resource.is(Composition)
  'bdl-11': (n) => child(n, 'type')?.value !== 'document' || child(kids(n, 'entry')[0], 'resource')?.resourceType === 'Composition',
  // type = 'message' implies entry.first().resource.is(MessageHeader)
  'bdl-12': (n) => child(n, 'type')?.value !== 'message' || child(kids(n, 'entry')[0], 'resource')?.resourceType === 'MessageHeader',
  // (type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()
  'bdl-7': (n) => {
    if (child(n, 'type')?.value === 'history') return true;
    const seen = new Set<string>();
    for (const e of kids(n, 'entry')) {
      const fullUrl = child(e, 'fullUrl')?.value;
      if (fullUrl === undefined) continue;
      const key = `${fullUrl}${child(child(child(e, 'resource'), 'meta'), 'versionId')?.value ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
    }
    return true;
  },
};
