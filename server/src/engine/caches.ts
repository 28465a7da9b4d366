// Every cache the engine keeps between analyses, in one object owned by one engine instance
// (createEngine): each feature's part has one owner here and is cleared through it. Nothing in the
// engine keeps mutable state at module level.

import type { EngineHost } from './core/host';
import { FhirCaches } from './fhir/caches';
import { RuleMessageCache } from './rules/finding';
import { XsdCaches } from './xsd/caches';
import { CodeListSource } from './kith/store';

/** How many full passes over a document's text the rule-driven checks made (text rules, namespaces): a bench counter. */
export class PassCounter {
  count = 0;

  add(n = 1): void {
    this.count += n;
  }
}

export class EngineCaches {
  readonly xsd: XsdCaches;
  readonly fhir: FhirCaches;
  readonly ruleMessages = new RuleMessageCache();
  /** The user's KITH code lists (Volven exports, FHIR CodeSystems), read again when a file event names one (engine.codeListFilesChanged). */
  readonly codeLists: CodeListSource;
  readonly textPasses = new PassCounter();

  constructor(host: EngineHost) {
    this.xsd = new XsdCaches(host);
    this.fhir = new FhirCaches(host);
    this.codeLists = new CodeListSource(host);
  }

  clear(): void {
    this.xsd.clear();
    this.fhir.clear();
    this.ruleMessages.clear();
    this.codeLists.clear();
  }
}
