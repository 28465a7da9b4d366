// The base R4 definitions, loaded lazily from the files the build wrote (dist/fhir-r4/) through the
// host's `fhirDefinition` resolver: the index once, each type on first use, value sets on first binding.

import type { DefinitionIndex, ElementDef, TypeDefinition, ValueSetIndex } from './model';
import { TypeModel } from './type-model';

/** Host resolver: the text of a generated definition file (`index.json`, `sd/Patient.json`, …). */
export type DefinitionReader = (name: string) => Promise<string | undefined>;

export class R4Definitions {
  private indexPromise?: Promise<DefinitionIndex | undefined>;
  private valueSetPromise?: Promise<ValueSetIndex>;
  private extensionsPromise?: Promise<Record<string, Record<string, unknown>>>;
  private profilesPromise?: Promise<Record<string, Record<string, unknown>>>;
  private readonly types = new Map<string, TypeModel | undefined>();
  private readonly pending = new Map<string, Promise<TypeModel | undefined>>();
  index?: DefinitionIndex;
  /** Base elements by path (profiles/base.ts): profiles ask for the same few paths once per instance element. */
  readonly baseElements = new Map<string, ElementDef | undefined>();
  /** Compiled primitive patterns by their source (validate/primitive.ts). */
  readonly patterns = new Map<string, RegExp>();
  valueSets?: ValueSetIndex;
  private resourceNames?: { list: string[]; set: Set<string> };

  constructor(private readonly read: DefinitionReader) {}

  async load(): Promise<DefinitionIndex | undefined> {
    this.indexPromise ??= this.read('index.json').then(async (text) => {
      if (!text) return undefined;
      this.index = JSON.parse(text) as DefinitionIndex;
      // Data types are few and used everywhere: load them together, up front.
      await Promise.all(this.index.complex.map((n) => this.ensure(n)));
      return this.index;
    });
    return this.indexPromise;
  }

  async loadValueSets(): Promise<ValueSetIndex> {
    this.valueSetPromise ??= this.read('valuesets.json').then((t) => (this.valueSets = t ? (JSON.parse(t) as ValueSetIndex) : {}));
    return this.valueSetPromise;
  }

  /** R4's own extension definition for `url` (StructureDefinition JSON: context, differential); read on first use. */
  async coreExtension(url: string): Promise<Record<string, unknown> | undefined> {
    this.extensionsPromise ??= this.read('extensions.json').then((t) => (t ? (JSON.parse(t) as Record<string, Record<string, unknown>>) : {}));
    return (await this.extensionsPromise)[url];
  }

  /** R4's own profile at `url` (the vital-signs profiles: StructureDefinition JSON, differential); read on first use. */
  async coreProfile(url: string): Promise<Record<string, unknown> | undefined> {
    this.profilesPromise ??= this.read('profiles.json').then((t) => (t ? (JSON.parse(t) as Record<string, Record<string, unknown>>) : {}));
    return (await this.profilesPromise)[url.split('|')[0]];
  }

  isResource(name: string): boolean {
    if (!this.index) return false;
    // A Set over the index's list, built once (asked for every complex element of every instance).
    if (this.resourceNames?.list !== this.index.resources) this.resourceNames = { list: this.index.resources, set: new Set(this.index.resources) };
    return this.resourceNames.set.has(name);
  }

  isPrimitive(name: string): boolean {
    return !!this.index?.primitives[name];
  }

  /** A loaded type (synchronous; call `ensure` first). */
  type(name: string): TypeModel | undefined {
    return this.types.get(name);
  }

  async ensure(name: string): Promise<TypeModel | undefined> {
    if (this.types.has(name)) return this.types.get(name);
    let p = this.pending.get(name);
    if (!p) {
      p = (/^[A-Za-z]+$/.test(name) ? this.read(`sd/${name}.json`) : Promise.resolve(undefined)).then((text) => {
        const model = text ? new TypeModel(JSON.parse(text) as TypeDefinition) : undefined;
        this.types.set(name, model);
        return model;
      });
      this.pending.set(name, p);
    }
    return p;
  }

  loadedTypeCount(): number {
    return [...this.types.values()].filter(Boolean).length;
  }
}
