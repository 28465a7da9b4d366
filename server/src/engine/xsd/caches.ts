// Everything the XSD features keep between analyses, owned by one engine instance (engine/caches.ts):
// the schema index of the engine's host, compiled-set descriptions, navigable models for hover and
// completion, and which documents used which schema files.

import type { EngineHost } from '../core/host';
import type { SchemaModel } from './model';
import { SchemaIndex } from './schema-index';
import type { BuiltSet } from './schema-set';
import { SchemaUsage } from './usage';

/** At most this many schema sets (check) and models (hover, completion) are kept, least recent first out. */
const MAX_SETS = 16;
const MAX_MODELS = 8;

export class XsdCaches {
  private index?: SchemaIndex;
  /** Schema sets by key (index generation + bindings): built once, not per keystroke. */
  readonly sets = new BoundedMap<BuiltSet>(MAX_SETS);
  /** Participant models by key (index generation + bindings). */
  readonly models = new BoundedMap<SchemaModel>(MAX_MODELS);
  /** Root element names a schema file declares, by index generation and path (root completion). */
  readonly rootNames = new Map<string, string[]>();
  readonly usage = new SchemaUsage();

  constructor(private readonly host: EngineHost) {}

  /** The one index of this engine's host, shared by the check and the participants. */
  schemaIndex(): SchemaIndex {
    return (this.index ??= new SchemaIndex(this.host));
  }

  /** Schema files changed: the index is rebuilt on next use and compiled sets are disposed. */
  async invalidate(): Promise<void> {
    this.index?.invalidate();
    await this.host.xsd?.invalidate();
  }

  clear(): void {
    this.index = undefined;
    this.sets.clear();
    this.models.clear();
    this.rootNames.clear();
    this.usage.clear();
  }
}

/** A map that forgets its oldest entry beyond `max` entries. */
export class BoundedMap<V> extends Map<string, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: string, value: V): this {
    super.set(key, value);
    if (this.size > this.max) this.delete(this.keys().next().value!);
    return this;
  }
}
