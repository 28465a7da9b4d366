// FHIRPath invariants (ElementDefinition.constraint) evaluated with the `fhirpath` package over the
// FHIR JSON form of each resource. An expression the engine cannot compile or run is not guessed at:
// its key is collected and reported once per document.

import type { Constraint } from '../definitions/model';
import { nameSpanOf, toJson, type FhirNode } from '../tree';
import type { Report } from './issue';
import type { InvariantSite } from './walker';
import { NATIVE_INVARIANTS } from './native-invariants';
import { triviallyTrue, type Shortcut } from './shortcut';

type Compiled = (resource: unknown, vars?: Record<string, unknown>) => unknown[];
interface Engine {
  compile(expr: { base: string; expression: string }, model: unknown, options?: Record<string, unknown>): Compiled;
  model: unknown;
}

/** The FHIRPath engine, compiled expressions and `or`-chain shortcuts of one engine instance (fhir/caches.ts). */
export class FhirPathCache {
  private engine?: Promise<Engine>;
  private readonly compiled = new Map<string, Compiled | null>();
  readonly shortcuts = new Map<string, Shortcut | null>();

  /** fhirpath and its R4 model are loaded on the first resource that has invariants to check. */
  load(): Promise<Engine> {
    this.engine ??= Promise.all([import('fhirpath'), import('fhirpath/fhir-context/r4')]).then(([fp, model]) => {
      const lib = (fp as unknown as { default?: Engine }).default ?? (fp as unknown as Engine);
      return { compile: lib.compile.bind(lib), model: (model as { default?: unknown }).default ?? model };
    });
    return this.engine;
  }

  compiledFor(e: Engine, base: string, c: Constraint): Compiled | null {
    const key = `${base}|${c.expression}`;
    let fn = this.compiled.get(key);
    if (fn === undefined) {
      try {
        // trace() would print to stdout, which is the LSP channel: silence it.
        fn = e.compile({ base, expression: c.expression! }, e.model, { traceFn: () => undefined });
      } catch {
        fn = null;
      }
      this.compiled.set(key, fn);
    }
    return fn;
  }

  clear(): void {
    this.compiled.clear();
    this.shortcuts.clear();
  }
}

/**
 * `notEvaluated`: also told each site whose constraint could not be evaluated (a Bundle's entries checked
 * together keep their own lists, fhir/entry-units.ts). Returns the keys of all of them.
 */
export async function checkInvariants(
  sites: InvariantSite[],
  report: Report,
  cache: FhirPathCache,
  signal?: AbortSignal,
  notEvaluatedAt?: (site: InvariantSite, key: string) => void,
): Promise<Set<string>> {
  const notEvaluated = new Set<string>();
  if (!sites.length) return notEvaluated;
  let e: Engine | undefined;
  // Each %rootResource as FHIR JSON once; the resource and node of a site are parts of it (the same objects).
  const memo = new WeakMap<FhirNode, unknown>();
  const jsonOf = (n: FhirNode) => memo.get(n) ?? toJson(n, memo);
  // Indexed loops: for-of here allocated an iterator result per site (a 2 000-entry Bundle has ~10 000).
  for (let s = 0; s < sites.length; s++) {
    const site = sites[s];
    if (signal?.aborted) break;
    let names: string[] | undefined;
    const constraints = site.def.constraints ?? [];
    for (let k = 0; k < constraints.length; k++) {
      const c = constraints[k];
      if (!c.expression) continue;
      let satisfied: boolean;
      const native = NATIVE_INVARIANTS[c.key];
      if (native) {
        satisfied = native(site.node, site.rootResource, site.resource);
      } else if (triviallyTrue(c.expression, (names ??= site.node.children.map((n) => n.name)), cache.shortcuts)) {
        satisfied = true;
      } else {
        e ??= await cache.load();
        const fn = cache.compiledFor(e, site.base, c);
        let result: unknown[] | undefined;
        try {
          const rootResource = jsonOf(site.rootResource);
          result = fn ? fn(jsonOf(site.node), { resource: jsonOf(site.resource), rootResource }) : undefined;
        } catch {
          result = undefined;
        }
        if (!result) {
          notEvaluated.add(c.key);
          notEvaluatedAt?.(site, c.key);
          continue;
        }
        satisfied = !(result.length === 1 && result[0] === false);
      }
      if (!satisfied) {
        report({
          rule: 'fhir/invariant',
          severity: c.bestPractice ? 'hint' : c.severity,
          span: site.node.resourceTypeSpan && site.node === site.resource ? site.node.resourceTypeSpan : nameSpanOf(site.node),
          message: 'invariant',
          args: [site.path, c.human, c.key],
        });
      }
    }
  }
  return notEvaluated;
}
