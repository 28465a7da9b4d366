// The structural walk over one document: every resource (root, contained, Bundle entries, Parameters)
// against its StructureDefinition: unknown elements, cardinality, JSON array form, types, primitive
// formats, choice types, required bindings, fixed/pattern values. Invariant sites are collected for
// the FHIRPath pass; profile layers add their constraints through `ProfileHooks`.

import type { ElementDef } from '../definitions/model';
import type { ExtensionSite } from '../extensions/site';
import type { R4Definitions } from '../definitions/store';
import type { TypeModel } from '../definitions/type-model';
import { grouped, toJson, type FhirDocument, type FhirNode } from '../tree';
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
  private resourceStack: FhirNode[] = [];
  /** The extensions being walked, innermost last (an extension on an extension's value knows its container). */
  private extensionStack: FhirNode[] = [];
  private visitors: ReturnType<ProfileHooks['forResource']>[] = [];

  constructor(
    private readonly defs: R4Definitions,
    private readonly doc: FhirDocument,
    private readonly report: Report,
    private readonly hooks?: ProfileHooks,
  ) {}

  resource(node: FhirNode): void {
    const rt = node.resourceType;
    if (!rt) {
      this.report({ rule: 'fhir/unknown-resource-type', severity: 'error', span: node.nameSpan, message: 'missing-resource-type', args: [node.name || '/'] });
      return;
    }
    const tm = this.defs.isResource(rt) ? this.defs.type(rt) : undefined;
    if (!tm) {
      this.report({
        rule: 'fhir/unknown-resource-type',
        severity: 'error',
        span: node.resourceTypeSpan ?? node.nameSpan,
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
      const constraints = root.constraints.filter((c) => c.key !== 'dom-3' && !(contained && c.bestPractice));
      this.invariants.push({ node, base: rt, def: { ...root, constraints }, path: rt, resource: node, rootResource: this.rootResource() });
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
  private children(node: FhirNode, tm: TypeModel, defPath: string, path: string, holder: string[] = []): void {
    const allowed = tm.childrenOf(defPath);
    const byDef = new Map<ElementDef, FhirNode[]>();
    const anchor = node.resourceTypeSpan && node.name === '' ? node.resourceTypeSpan : node.nameSpan;
    for (const [name, list] of grouped(node)) {
      const hit = allowed.get(name);
      if (!hit) {
        for (const n of list) this.unknown(n, allowed, tm.name === defPath.split('.')[0] ? defPath : tm.name, path);
        continue;
      }
      const seen = byDef.get(hit.def);
      if (seen) seen.push(...list);
      else byDef.set(hit.def, [...list]);
      this.arrayForm(node, name, hit.def, list, `${path}.${name}`);
      list.forEach((child, i) => {
        const childPath = `${path}.${name}${hit.def.max !== '1' ? `[${i}]` : ''}`;
        const isExtension = (name === 'extension' || name === 'modifierExtension') && child.kind === 'object';
        if (isExtension) {
          const enclosing = this.extensionStack[this.extensionStack.length - 1];
          this.extensions.push({
            node: child,
            holder: node,
            enclosing,
            modifier: name === 'modifierExtension',
            context: [defPath, ...holder],
            path: childPath,
            resource: this.resourceStack[this.resourceStack.length - 1],
          });
          this.extensionStack.push(child);
        }
        this.element(child, hit.def, hit.type ?? hit.def.types?.[0]?.code, tm, childPath);
        if (isExtension) this.extensionStack.pop();
      });
    }
    if (this.doc.format === 'xml') this.xmlOrder(node, tm, defPath, path);
    for (const def of tm.childDefs(defPath)) {
      const list = byDef.get(def) ?? [];
      const name = def.path.slice(defPath.length + 1);
      if (list.length < def.min) {
        this.report({ rule: 'fhir/cardinality', severity: 'error', span: anchor, message: 'too-few', args: [path, name, def.min, list.length] });
      }
      if (def.max !== '*' && list.length > Number(def.max)) {
        for (const extra of list.slice(Number(def.max))) {
          this.report({
            rule: 'fhir/cardinality',
            severity: 'error',
            span: extra.nameSpan,
            message: 'too-many',
            args: [`${path}.${name}`, def.max, list.length],
          });
        }
      }
      const visit = this.visitors[this.visitors.length - 1];
      if (visit) visit(undefined, def.path, `${path}.${name}`, node, list);
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
        this.report({ rule: 'fhir/type', severity: 'error', span: node.valueSpan, message: 'xml-value-on-complex', args: [path, what] });
      else this.report({ rule: 'fhir/type', severity: 'error', span: node.valueSpan, message: 'wrong-json-type', args: [path, what, 'object', node.kind] });
      return;
    }
    if (type === 'Resource' || (type && this.defs.isResource(type))) {
      this.resource(node);
      return;
    }
    if (!node.children.length) {
      this.report({ rule: 'fhir/empty-element', severity: 'error', span: node.nameSpan, message: 'empty-element', args: [path] });
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
      checkReferenceTarget(
        node,
        allowedTargets(def.types, () => undefined),
        (t) => this.defs.isResource(t),
        this.doc,
        path,
        this.report,
      );
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
        ? { span: node.nameSpan, text: guess, title: 'use-code' as const, args: [guess] }
        : undefined;
    this.report({
      rule: 'fhir/unknown-element',
      severity: 'error',
      span: node.nameSpan,
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
        this.report({ rule: 'fhir/xml-order', severity: 'error', span: child.nameSpan, message: 'xml-order', args: [path, child.name, lastName] });
      } else if (at > last) {
        last = at;
        lastName = child.name;
      }
    }
  }

  /** JSON only: repeating elements are arrays, single ones are not. */
  private arrayForm(parent: FhirNode, name: string, def: ElementDef, list: FhirNode[], path: string): void {
    if (this.doc.format !== 'json') return;
    const arraySpan = this.doc.arrays.get(parent)?.get(name);
    if (def.max === '1' && arraySpan) {
      this.report({ rule: 'fhir/array-form', severity: 'error', span: arraySpan, message: 'not-single', args: [path] });
    } else if (def.max !== '1' && !arraySpan && list.length) {
      this.report({ rule: 'fhir/array-form', severity: 'error', span: list[0].nameSpan, message: 'not-array', args: [path, def.max] });
    }
  }
}
