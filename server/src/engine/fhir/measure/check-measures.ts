// Measures and MeasureReports in a document: a MeasureReport's Measure and a Measure's Libraries are
// found contained (`#id`), in the same Bundle (by canonical url), or in the conformance sources
// (workspace, nhn.fhir.packagePaths, the package cache); what is not found is not checked (the
// reference validator only warns then).

import type { AnalysisContext } from '../../core/types';
import { conformanceIndexFor, type ConformanceIndex } from '../profiles/sources';
import { toJson, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from '../validate/issue';
import type { Json } from '../questionnaire/model';
import { checkMeasureCriteria } from './criteria';
import { checkMeasureReport } from './report';

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: FhirNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);

async function resolveCanonical(
  type: string,
  from: FhirNode,
  root: FhirNode,
  canonical: string,
  index: () => Promise<ConformanceIndex>,
): Promise<Json | undefined> {
  if (canonical.startsWith('#')) {
    const c = kids(from, 'contained').find((r) => r.resourceType === type && child(r, 'id')?.value === canonical.slice(1));
    return c ? (toJson(c) as Json) : undefined;
  }
  const url = canonical.split('|')[0];
  if (root.resourceType === 'Bundle') {
    for (const entry of kids(root, 'entry')) {
      const r = child(entry, 'resource');
      if (r?.resourceType === type && (child(r, 'url')?.value === url || child(entry, 'fullUrl')?.value === url)) return toJson(r) as Json;
    }
  }
  const found = await (await index()).get(url);
  return found?.resourceType === type ? found : undefined;
}

export async function checkMeasures(resources: FhirNode[], root: FhirNode, doc: FhirDocument, ctx: AnalysisContext, report: Report): Promise<void> {
  const targets = resources.filter((r) => r.resourceType === 'MeasureReport' || r.resourceType === 'Measure');
  if (!targets.length) return;
  let index: Promise<ConformanceIndex> | undefined;
  const getIndex = () => (index ??= conformanceIndexFor(ctx));
  for (const r of targets) {
    if (r.resourceType === 'MeasureReport') {
      const m = child(r, 'measure')?.value;
      if (typeof m !== 'string' || !m) continue;
      const measure = await resolveCanonical('Measure', r, root, m, getIndex);
      if (measure) checkMeasureReport(r, measure, doc, report);
    } else {
      const urls = kids(r, 'library')
        .map((l) => l.value)
        .filter((v): v is string => typeof v === 'string' && !!v);
      const libraries = (await Promise.all(urls.map((u) => resolveCanonical('Library', r, root, u, getIndex)))).filter((l): l is Json => !!l);
      checkMeasureCriteria(r, libraries, doc, report);
    }
  }
}
