// Extension definitions: every extension and modifierExtension whose url resolves, through the same
// conformance sources as profiles, to a StructureDefinition of type Extension is checked against it
// with the profile machinery (value[x] types and cardinality, fixed/pattern values, required bindings,
// sub-extension slices of complex extensions, invariants), plus what only extensions have: the
// context they may be used in, and relative sub-extension urls their definition does not name.
// Each url is resolved once per document (and layered once per conformance index).

import type { R4Definitions } from '../definitions/store';
import { applyLayer, type ProfileRun } from '../profiles/apply';
import { layerFor, preloadOnce, profileRun, type ProfileSession } from '../profiles/check-profiles';
import { buildLayer, type ProfileLayer } from '../profiles/layer';
import type { ConformanceIndex } from '../profiles/sources';
import { nameSpanOf, textSpan, toJson, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from '../validate/issue';
import type { InvariantSite } from '../validate/walker';
import { contextAllows, usedOn } from './context';
import type { ExtensionSite } from './site';

/** A url with a scheme is a definition's canonical; without one it names a part of a complex extension. */
const SOURCE = 'https://hl7.org/fhir/R4/extensibility.html';
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
const CORE = 'http://hl7.org/fhir/StructureDefinition/';
/** Urls whose definitions live outside R4 core and the user's sources: HL7's namespace, example domains. */
const ELSEWHERE = /^https?:\/\/(hl7\.org\/fhir\/|([a-z0-9-]+\.)*(example\.(org|com|net)|acme\.(com|org))\/)/i;

function coreLayer(defs: R4Definitions, index: ConformanceIndex, url: string): Promise<ProfileLayer | undefined> {
  // R4's own extensions, layered once per index (a workspace or package copy wins); one engine has one `defs`.
  const byUrl = index.coreLayers;
  let p = byUrl.get(url);
  if (!p) {
    p = defs.coreExtension(url).then((sd) => (sd ? buildLayer(sd, index) : undefined));
    byUrl.set(url, p);
  }
  return p;
}

/** The definition of the extension at `url`: the conformance sources first, then R4's own. */
export async function resolveExtension(defs: R4Definitions, index: ConformanceIndex, url: string): Promise<ProfileLayer | undefined> {
  const layer = (await layerFor(index, url)) ?? (url.startsWith(CORE) ? await coreLayer(defs, index, url) : undefined);
  return layer?.type === 'Extension' ? layer : undefined;
}

const maxOf = (m: string | undefined) => (m === undefined || m === '*' ? Infinity : Number(m));

function urlNode(ext: FhirNode): FhirNode | undefined {
  return ext.children.find((c) => c.name === 'url' && typeof c.value === 'string');
}

export async function checkExtensions(
  sites: ExtensionSite[],
  session: ProfileSession,
  report: Report,
  invariants: InvariantSite[],
  rootResources?: Map<FhirNode, FhirNode>,
): Promise<void> {
  const { defs, doc } = session;
  // Relative urls name parts of the extension around them; one outside any extension is an error.
  const absolute = sites.filter((s) => {
    const u = urlNode(s.node);
    if (u === undefined) return false;
    if (ABSOLUTE.test(String(u.value))) return true;
    if (s.holder.name !== 'extension' && s.holder.name !== 'modifierExtension') {
      report({
        rule: 'fhir/extension-url',
        severity: 'error',
        source: SOURCE,
        span: textSpan(u, doc.format),
        message: 'extension-url-not-absolute',
        args: [s.path, String(u.value)],
      });
    }
    return false;
  });
  if (!absolute.length) return;
  const index = await session.index();
  // Each url resolved once per analysis (a Bundle checked entry by entry shares them).
  const layers = session.extensions;
  const typeLayers = session.typeLayers;
  for (const site of absolute) {
    const url = String(urlNode(site.node)!.value).split('|')[0];
    if (layers.has(url)) continue;
    const layer = await resolveExtension(defs, index, url);
    layers.set(url, layer);
    if (layer) for (const [u, l] of await preloadOnce(layer, index, defs)) typeLayers.set(u, l);
  }
  let run: ProfileRun | undefined;
  const perHolder = new Map<FhirNode, Map<string, ExtensionSite[]>>();
  for (const site of absolute) {
    const u = urlNode(site.node)!;
    const url = String(u.value).split('|')[0];
    const span = textSpan(u, doc.format);
    const layer = layers.get(url);
    if (!layer) {
      // Once per url and document (and kind; `once`: the check keeps the first): many extensions are
      // private, a Bundle repeats them.
      const key = `${site.modifier}|${url}`;
      // Errors, as in the reference validator: an extension nobody can look up is not interoperable.
      // Users with private extensions lower the rule (nhn.rules / .nhn-lint.yaml) or add the definition.
      // HL7's own namespace (the extensions pack, cross-version extensions) and example domains are
      // information: their definitions exist where the reference validator looks, not here.
      const severity = ELSEWHERE.test(url) ? 'info' : 'error';
      if (site.modifier)
        report({
          rule: 'fhir/unknown-modifier-extension',
          severity: severity === 'info' ? 'warning' : 'error',
          source: SOURCE,
          span,
          message: 'unknown-modifier-extension',
          args: [site.path, url],
          once: `unknown-extension|${key}`,
        });
      else
        report({ rule: 'fhir/unknown-extension', severity, source: SOURCE, span, message: 'unknown-extension', args: [url], once: `unknown-extension|${key}` });
      continue;
    }
    // The extension it sits in: as one of its parts, or on its value (valueBoolean.extension).
    const parentUrl = site.enclosing ? String(urlNode(site.enclosing)?.value ?? '') : undefined;
    if (!contextAllows(layer.context, site, parentUrl, layer.url)) {
      const allowed = layer.context.map((c) => c.expression).join(', ');
      report({
        rule: 'fhir/extension-context',
        severity: 'error',
        source: SOURCE,
        span,
        message: 'extension-context',
        args: [site.path, layer.name, usedOn(site), allowed],
      });
    }
    if (site.modifier !== layer.isModifier) {
      report({
        rule: 'fhir/extension-modifier',
        severity: 'error',
        source: SOURCE,
        span,
        message: site.modifier ? 'not-modifier' : 'is-modifier',
        args: [site.path, layer.name],
      });
    }
    run ??= { ...profileRun(index, defs, doc, report, invariants, typeLayers), rootResource: (r: FhirNode) => rootResources?.get(r) ?? r };
    applyLayer(site.node, site.path, layer, run, site.resource);
    unknownSubExtensions(site, layer, doc, report);
    let byUrl = perHolder.get(site.holder);
    if (!byUrl) perHolder.set(site.holder, (byUrl = new Map()));
    byUrl.set(url, [...(byUrl.get(url) ?? []), site]);
  }
  // Extension.max in the definition: how often the extension may appear on one element.
  for (const byUrl of perHolder.values()) {
    for (const [url, list] of byUrl) {
      const max = layers.get(url)?.elements.get('Extension')?.max;
      if (list.length <= maxOf(max)) continue;
      for (const extra of list.slice(maxOf(max)))
        report({
          rule: 'fhir/cardinality',
          severity: 'error',
          span: nameSpanOf(extra.node),
          message: 'extension-too-many',
          args: [extra.path, layers.get(url)!.name, max!, list.length],
        });
    }
  }
}

/** A relative sub-extension url can only be defined by the extension around it: one it does not name is an error. */
function unknownSubExtensions(site: ExtensionSite, layer: ProfileLayer, doc: FhirDocument, report: Report): void {
  const slices = layer.slices.get('Extension.extension') ?? [];
  const known = slices.map((s) => s.name);
  site.node.children
    .filter((c) => c.name === 'extension')
    .forEach((child, i) => {
      const u = urlNode(child);
      if (!u || ABSOLUTE.test(String(u.value))) return;
      const json = toJson(child);
      if (slices.some((s) => s.matches(json))) return;
      report({
        rule: 'fhir/unknown-sub-extension',
        severity: 'error',
        source: SOURCE,
        span: textSpan(u, doc.format),
        message: 'unknown-sub-extension',
        args: [`${site.path}.extension[${i}]`, String(u.value), layer.name, known.join(', ') || '-'],
      });
    });
}
