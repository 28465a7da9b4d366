// The structural walk over one document: every resource (root, contained, Bundle entries, Parameters)
// against its StructureDefinition: unknown elements, cardinality, JSON array form, types, primitive
// formats, choice types, required bindings, fixed/pattern values. Invariant sites are collected for
// the FHIRPath pass; profile layers add their constraints through `ProfileHooks`.

import type { ElementDef } from '../definitions/model';
import type { ExtensionSite } from '../extensions/site';
import type { R4Definitions } from '../definitions/store';
import type { ChildDef, TypeModel } from '../definitions/type-model';
import { arrayAt, nameSpanOf, valueSpanOf, grouped, toJson, type FhirDocument, type FhirNode } from '../tree';
import { checkAttachment } from './attachment';
import { checkBinding } from './binding';
import { checkBundleEntries } from './bundle';
import { BundleReferences, type ReferenceSite } from './bundle-references';
import { checkContainedReferenced } from './contained';
import { checkFixedAndPattern } from './fixed';
import { checkNorwegianIdentifier } from './identifier';
import { checkNarrative } from './narrative';
import { allowedTargets, checkReferenceTarget } from './reference-target';
import type { Report } from './issue';
import { checkPrimitive } from './primitive';
import { closestName } from './suggest';

export interface InvariantSite {
  node: FhirNode;
  /** The FHIRPath base: element path (`Patient.contact`) or type name (`Period`). */
  base: string;
  def: ElementDef;
  path: string;
  resource: FhirNode;
  /** %rootResource: the container of a contained resource, else the resource itself. */
  rootResource: FhirNode;
}

/**
 * A Bundle entry's resource handed to fhir/entry-units.ts, with the resources around it: returns the
 * References in it (walked there, or recalled from the previous version) for the Bundle's reference pass,
 * or undefined when the resource is not such an entry (the walker then walks it itself).
 */
export type EntryWalk = (resource: FhirNode, stack: readonly FhirNode[]) => ReferenceSite[] | undefined;

export interface WalkerOptions {
  hooks?: ProfileHooks;
  /** Walks (or recalls) a Bundle entry's resource instead of this walker. */
  entry?: EntryWalk;
  /** The resources around the one this walker starts at (outermost first). */
  stack?: readonly FhirNode[];
}

/** What a profile adds to the walk of the resources it applies to. */
export interface ProfileHooks {
  /** Called for each resource before its walk; returns a visitor for its elements, if a profile applies. */
  forResource(resource: FhirNode): ((node: FhirNode | undefined, defPath: string, path: string, parent: FhirNode, siblings: FhirNode[]) => void) | undefined;
}

export class Walker {
  readonly invariants: InvariantSite[] = [];
  /** %rootResource of each resource walked: its container when contained, else itself (for the profile pass). */
  readonly rootResources = new Map<FhirNode, FhirNode>();
  /** Every resource walked (root, contained, entries), for the profile pass. */
  readonly resources: FhirNode[] = [];
  /** Every extension and modifierExtension, for the extension-definition pass. */
  readonly extensions: ExtensionSite[] = [];
  /** Every Reference, with the resources around it, for the Bundle reference pass. */
  readonly references: ReferenceSite[] = [];
  private readonly resourceStack: FhirNode[];
  /** The extensions being walked, innermost last (an extension on an extension's value knows its container). */
  private extensionStack: FhirNode[] = [];
  private visitors: ReturnType<ProfileHooks['forResource']>[] = [];
  /** Scratch for `cardinality`: nodes per child definition (filled and read with no walk in between). */
  private readonly counts: number[] = [];
  private readonly hooks?: ProfileHooks;
  private readonly entry?: EntryWalk;
  /** The resource types each Reference element's targetProfiles allow (null: any). */
  private readonly targets = new Map<ElementDef, string[] | null>();
  /** A resource type's root definition with the constraints its invariant site checks (dom-3 is native), per root. */
  private readonly resourceRoots = new Map<ElementDef, ElementDef>();
  /** The same for contained resources (no best-practice dom-6: the narrative is the container's). */
  private readonly containedRoots = new Map<ElementDef, ElementDef>();

  constructor(
    private readonly defs: R4Definitions,
    private readonly doc: FhirDocument,
    private readonly report: Report,
    options: WalkerOptions = {},
  ) {
    this.hooks = options.hooks;
    this.entry = options.entry;
    this.resourceStack = options.stack ? options.stack.slice() : [];
  }

  resource(node: FhirNode): void {
    const rt = node.resourceType;
    if (!rt) {
      this.report({
        rule: 'fhir/unknown-resource-type',
        severity: 'error',
        span: nameSpanOf(node),
        message: 'missing-resource-type',
        args: [node.name || '/'],
      });
      return;
    }
    const tm = this.defs.isResource(rt) ? this.defs.type(rt) : undefined;
    if (!tm) {
      this.report({
        rule: 'fhir/unknown-resource-type',
        severity: 'error',
        span: node.resourceTypeSpan ?? nameSpanOf(node),
        message: 'unknown-resource-type',
        args: [rt],
      });
      return;
    }
    this.resources.push(node);
    this.resourceStack.push(node);
    this.rootResources.set(node, this.rootResource());
    this.visitors.push(this.hooks?.forResource(node));
    const root = tm.root;
    if (root?.constraints) {
      // A contained resource's narrative is its container's (dom-6 is for the container).
      const contained = node.name === 'contained';
      const defs = contained ? this.containedRoots : this.resourceRoots;
      let def = defs.get(root);
      if (!def) {
        const constraints = root.constraints.filter((c) => c.key !== 'dom-3' && !(contained && c.bestPractice));
        defs.set(root, (def = { ...root, constraints }));
      }
      this.invariants.push({ node, base: rt, def, path: rt, resource: node, rootResource: this.rootResource() });
      checkContainedReferenced(
        node,
        root.constraints.find((c) => c.key === 'dom-3'),
        rt,
        this.report,
      );
    }
    const firstReference = this.references.length;
    this.children(node, tm, rt, rt);
    if (rt === 'Bundle') {
      checkBundleEntries(node, this.doc, (t) => this.defs.isResource(t), this.report);
      new BundleReferences(node, this.doc, (t) => this.defs.isResource(t), this.report).check(this.references.slice(firstReference));
    }
    this.visitors.pop();
    this.resourceStack.pop();
  }

  private rootResource(): FhirNode {
    const stack = this.resourceStack;
    for (let i = stack.length - 1; i > 0; i--) if (stack[i].name !== 'contained') return stack[i];
    return stack[0];
  }

  /** `holder`: the element path (and type) of `node` when its type's own definition is walked. */
  private children(node: FhirNode, tm: TypeModel, defPath: string, path: string, holder?: string[]): void {
    const allowed = tm.childrenOf(defPath);
    // The children grouped by name (document order of first appearance), as runs of one name each.
    const list = sameNamesAdjacent(node.children) ? node.children : [...grouped(node).values()].flat();
    for (let s = 0, e = 0; s < list.length; s = e) {
      const name = list[s].name;
      for (e = s + 1; e < list.length && list[e].name === name; e++);
      const hit = allowed.get(name);
      if (!hit) {
        for (let k = s; k < e; k++) this.unknown(list[k], allowed, tm.name === defPath.split('.')[0] ? defPath : tm.name, path);
        continue;
      }
      this.arrayForm(node, name, hit.def, list[s], path);
      const type = hit.type ?? hit.def.types?.[0]?.code;
      const repeats = hit.def.max !== '1';
      for (let k = s; k < e; k++) {
        const child = list[k];
        const childPath = repeats ? `${path}.${name}[${k - s}]` : `${path}.${name}`;
        const isExtension = (name === 'extension' || name === 'modifierExtension') && child.kind === 'object';
        if (isExtension) {
          const enclosing = this.extensionStack[this.extensionStack.length - 1];
          this.extensions.push({
            node: child,
            holder: node,
            enclosing,
            modifier: name === 'modifierExtension',
            context: holder ? [defPath, ...holder] : [defPath],
            path: childPath,
            resource: this.resourceStack[this.resourceStack.length - 1],
          });
          this.extensionStack.push(child);
        }
        this.element(child, hit.def, type, tm, childPath);
        if (isExtension) this.extensionStack.pop();
      }
    }
    if (this.doc.format === 'xml') this.xmlOrder(node, tm, defPath, path);
    this.cardinality(node, tm, defPath, path, allowed, list);
  }

  /** min/max of every element under `defPath` (and the profile visitor, which gets each element's nodes). */
  private cardinality(node: FhirNode, tm: TypeModel, defPath: string, path: string, allowed: Map<string, ChildDef>, list: FhirNode[]): void {
    const defs = tm.childDefs(defPath);
    const visit = this.visitors[this.visitors.length - 1];
    // How many nodes each definition has (choice types: every `value…` counts for `value[x]`). A profile
    // visitor may start another walk, so it gets counts of its own.
    const counts = visit ? [] : this.counts;
    for (let d = 0; d < defs.length; d++) counts[d] = 0;
    let over = false;
    for (let s = 0, e = 0; s < list.length; s = e) {
      const name = list[s].name;
      for (e = s + 1; e < list.length && list[e].name === name; e++);
      const hit = allowed.get(name);
      if (hit && (counts[hit.at] += e - s) > hit.max) over = true;
    }
    if (!visit && !over) {
      // Nothing over its max: only a missing required element can be reported, so only those are looked
      // at unless one is missing (the loop below then reports in definition order, as always).
      const required = tm.requiredOf(defPath);
      let missing = false;
      for (let r = 0; r < required.length && !missing; r++) missing = counts[required[r]] < defs[required[r]].min;
      if (!missing) return;
    }
    const nodesOf = (def: ElementDef) => list.filter((c) => allowed.get(c.name)?.def === def);
    for (let d = 0; d < defs.length; d++) {
      const def = defs[d];
      const count = counts[d];
      if (count < def.min) {
        const anchor = node.resourceTypeSpan && node.name === '' ? node.resourceTypeSpan : nameSpanOf(node);
        this.report({
          rule: 'fhir/cardinality',
          severity: 'error',
          span: anchor,
          message: 'too-few',
          args: [path, def.path.slice(defPath.length + 1), def.min, count],
        });
      }
      if (def.max !== '*' && count > Number(def.max)) {
        for (const extra of nodesOf(def).slice(Number(def.max))) {
          this.report({
            rule: 'fhir/cardinality',
            severity: 'error',
            span: nameSpanOf(extra),
            message: 'too-many',
            args: [`${path}.${def.path.slice(defPath.length + 1)}`, def.max, count],
          });
        }
      }
      if (visit) visit(undefined, def.path, `${path}.${def.path.slice(defPath.length + 1)}`, node, count ? nodesOf(def) : []);
    }
  }

  private element(node: FhirNode, def: ElementDef, type: string | undefined, tm: TypeModel, path: string): void {
    const visit = this.visitors[this.visitors.length - 1];
    if (type && this.defs.isPrimitive(type)) {
      checkPrimitive(node, type, this.defs.index!.primitives[type], this.doc, path, this.report, this.defs.patterns);
      if (node.children.length) this.children(node, this.defs.type('Element')!, 'Element', path, [def.path, type]);
      if (type === 'xhtml') checkNarrative(node, this.doc, path, this.report);
      if (def.binding) checkBinding(node, type, def.binding, this.defs.valueSets?.[def.binding.valueSet], this.doc, path, this.report);
      if (def.fixed !== undefined || def.pattern !== undefined) checkFixedAndPattern(node, toJson(node), def.fixed, def.pattern, path, this.report);
      visit?.(node, def.path, path, node, []);
      return;
    }
    if (node.kind !== 'object') {
      const what = type ?? 'element';
      if (this.doc.format === 'xml')
        this.report({ rule: 'fhir/type', severity: 'error', span: valueSpanOf(node), message: 'xml-value-on-complex', args: [path, what] });
      else this.report({ rule: 'fhir/type', severity: 'error', span: valueSpanOf(node), message: 'wrong-json-type', args: [path, what, 'object', node.kind] });
      return;
    }
    if (type === 'Resource' || (type && this.defs.isResource(type))) {
      const references = this.entry?.(node, this.resourceStack);
      if (references) for (let r = 0; r < references.length; r++) this.references.push(references[r]);
      else this.resource(node);
      return;
    }
    if (!node.children.length) {
      this.report({ rule: 'fhir/empty-element', severity: 'error', span: nameSpanOf(node), message: 'empty-element', args: [path] });
      return;
    }
    const resource = this.resourceStack[this.resourceStack.length - 1];
    if (def.constraints) this.invariants.push({ node, base: def.path, def, path, resource, rootResource: this.rootResource() });
    if (tm.hasChildren(def.path)) {
      this.children(node, tm, def.path, path);
    } else if (def.contentReference) {
      this.children(node, tm, def.contentReference.slice(def.contentReference.indexOf('#') + 1), path);
    } else if (type) {
      const typeModel = this.defs.type(type);
      if (typeModel) {
        const root = typeModel.root;
        if (root?.constraints) this.invariants.push({ node, base: type, def: root, path, resource, rootResource: this.rootResource() });
        this.children(node, typeModel, type, path, [def.path]);
      }
    }
    if (type === 'Identifier') checkNorwegianIdentifier(node, this.doc, path, this.report);
    if (type === 'Attachment') checkAttachment(node, this.doc, path, this.report);
    if (type === 'Reference') {
      let targets = this.targets.get(def);
      if (targets === undefined) this.targets.set(def, (targets = allowedTargets(def.types, () => undefined) ?? null));
      checkReferenceTarget(node, targets ?? undefined, (t) => this.defs.isResource(t), this.doc, path, this.report);
      // Only a Bundle resolves references between resources here.
      if (this.resourceStack.some((r) => r.resourceType === 'Bundle')) this.references.push({ node, path, resources: this.resourceStack.slice() });
    }
    if (def.binding && type) checkBinding(node, type, def.binding, this.defs.valueSets?.[def.binding.valueSet], this.doc, path, this.report);
    if (def.fixed !== undefined || def.pattern !== undefined) checkFixedAndPattern(node, toJson(node), def.fixed, def.pattern, path, this.report);
    visit?.(node, def.path, path, node, []);
  }

  private unknown(node: FhirNode, allowed: Map<string, unknown>, owner: string, path: string): void {
    const guess = closestName(node.name, [...allowed.keys()]);
    const fix =
      guess && guess.toLowerCase() === node.name.toLowerCase() && this.doc.format === 'json'
        ? { span: nameSpanOf(node), text: guess, title: 'use-code' as const, args: [guess] }
        : undefined;
    this.report({
      rule: 'fhir/unknown-element',
      severity: 'error',
      span: nameSpanOf(node),
      message: guess ? 'unknown-element-hint' : 'unknown-element',
      args: guess ? [path, node.name, owner, guess] : [path, node.name, owner],
      fix: node.index === undefined || node.index === 0 ? fix : undefined,
    });
  }

  /** XML only: elements come in the order of the definition (attributes have no order). */
  private xmlOrder(node: FhirNode, tm: TypeModel, defPath: string, path: string): void {
    const allowed = tm.childrenOf(defPath);
    const order = tm.orderOf(defPath);
    let last = -1;
    let lastName = '';
    for (const child of node.children) {
      if (child.attribute) continue;
      const def = allowed.get(child.name)?.def;
      const at = def ? order.get(def) : undefined;
      if (at === undefined) continue;
      if (at < last) {
        this.report({ rule: 'fhir/xml-order', severity: 'error', span: nameSpanOf(child), message: 'xml-order', args: [path, child.name, lastName] });
      } else if (at > last) {
        last = at;
        lastName = child.name;
      }
    }
  }

  /** JSON only: repeating elements are arrays, single ones are not. */
  /** `first`: the first node of that name; `path`: the parent's. */
  private arrayForm(parent: FhirNode, name: string, def: ElementDef, first: FhirNode, path: string): void {
    if (this.doc.format !== 'json') return;
    const at = arrayAt(parent, name);
    if (def.max === '1' && at >= 0) {
      const span = { start: parent.arrays![at + 1] as number, end: parent.arrays![at + 2] as number };
      this.report({ rule: 'fhir/array-form', severity: 'error', span, message: 'not-single', args: [`${path}.${name}`] });
    } else if (def.max !== '1' && at < 0) {
      this.report({ rule: 'fhir/array-form', severity: 'error', span: nameSpanOf(first), message: 'not-array', args: [`${path}.${name}`, def.max] });
    }
  }
}

/** Every name's nodes are next to each other (always in FHIR JSON; XML may repeat an element further on). */
function sameNamesAdjacent(children: FhirNode[]): boolean {
  let runs = 0;
  for (let k = 1; k < children.length; k++) {
    const name = children[k].name;
    if (name === children[k - 1].name) continue;
    // A new run: its name must not have had one before. Checked pairwise for the few runs a node has.
    if (++runs > 64) return false;
    for (let j = k - 2; j >= 0; j--) if (children[j].name === name) return false;
  }
  return true;
}
