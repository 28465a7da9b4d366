// From a place in the document to its element definition: the walk the validator does, but down one
// branch only. Used by hover and completion.

import type { ElementDef } from './definitions/model';
import type { R4Definitions } from './definitions/store';
import type { TypeModel } from './definitions/type-model';
import type { FhirNode } from './tree';

/** Where an object's properties are defined: a type model and the path inside it. */
export interface Scope {
  model: TypeModel;
  defPath: string;
}

export interface Located {
  node: FhirNode;
  def?: ElementDef;
  /** The type this node has (choice types resolved). */
  type?: string;
  /** Element path for messages (`Patient.contact.name`). */
  path: string;
  /** Where this node's own properties are defined (complex nodes). */
  scope?: Scope;
}

/** The scope of a resource node. */
export function resourceScope(defs: R4Definitions, node: FhirNode): Scope | undefined {
  const model = node.resourceType ? defs.type(node.resourceType) : undefined;
  return model && defs.isResource(model.name) ? { model, defPath: model.name } : undefined;
}

/** The child `child` of a node whose properties come from `scope`. */
export function step(defs: R4Definitions, scope: Scope, child: FhirNode, parentPath: string): Located | undefined {
  const hit = scope.model.childrenOf(scope.defPath).get(child.name);
  if (!hit) return undefined;
  const def = hit.def;
  const type = hit.type ?? def.types?.[0]?.code;
  const path = `${parentPath}.${child.name}`;
  if (child.resourceType) {
    const s = resourceScope(defs, child);
    return { node: child, def, type: child.resourceType, path: child.resourceType, scope: s };
  }
  let inner: Scope | undefined;
  if (scope.model.hasChildren(def.path)) inner = { model: scope.model, defPath: def.path };
  else if (def.contentReference) inner = { model: scope.model, defPath: def.contentReference.slice(def.contentReference.indexOf('#') + 1) };
  else if (type && !defs.isPrimitive(type)) {
    const model = defs.type(type);
    if (model) inner = { model, defPath: type };
  } else if (type) inner = { model: defs.type('Element')!, defPath: 'Element' };
  return { node: child, def, type, path, scope: inner };
}

/** The deepest node at `offset` with its definition (the root resource when none deeper). */
export function locate(defs: R4Definitions, root: FhirNode, offset: number): Located | undefined {
  const rootScope = resourceScope(defs, root);
  if (!rootScope) return undefined;
  let current: Located = { node: root, type: root.resourceType, path: root.resourceType!, scope: rootScope };
  for (;;) {
    const child = current.node.children.find((c) => offset >= c.start && offset <= c.end);
    if (!child || !current.scope) return current;
    const next = step(defs, current.scope, child, current.path);
    if (!next) return current;
    current = next;
  }
}
