// Everything the FHIR features keep between analyses, owned by one engine instance (engine/caches.ts):
// the base R4 definitions read through the host, the conformance indexes of profile folders, and the
// compiled FHIRPath invariants.

import type { EngineHost } from '../core/host';
import { R4Definitions } from './definitions/store';
import type { HeldGlobalProfiles } from './profiles/globals';
import type { HeldConformanceIndex } from './profiles/sources';
import { FhirPathCache } from './validate/invariants';

export class FhirCaches {
  private definitions?: R4Definitions;
  /** The conformance index of the profile folders (see profiles/sources.ts), kept current by file events. */
  readonly conformance: HeldConformanceIndex = { key: '' };
  /** The profiles ImplementationGuides apply globally (see profiles/globals.ts), kept current by file events. */
  readonly globals: HeldGlobalProfiles = { key: '' };
  readonly fhirpath = new FhirPathCache();
  /**
   * Counts the changes that can alter a FHIR verdict without a document changing (profiles, packages, a
   * cleared cache): what an analysis kept for the next version of its document is valid in one generation.
   */
  private generationCount = 0;
  /** Bundle entries checked on their own (fhir/entry-units.ts): walked anew, or reused from the previous version. */
  readonly entryCounts = { walked: 0, reused: 0 };

  constructor(private readonly host: EngineHost) {}

  /** The base R4 definitions behind the host's reader, shared across documents; undefined without one. */
  r4(): R4Definitions | undefined {
    const read = this.host.fhirDefinition;
    if (!read) return undefined;
    return (this.definitions ??= new R4Definitions((name) => read.call(this.host, name)));
  }

  get generation(): number {
    return this.generationCount;
  }

  /** Profiles or the packages around them changed. */
  changed(): void {
    this.generationCount++;
  }

  clear(): void {
    this.generationCount++;
    this.definitions = undefined;
    this.conformance.index = undefined;
    this.globals.index = undefined;
    this.fhirpath.clear();
  }
}
