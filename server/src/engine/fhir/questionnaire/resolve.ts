// QuestionnaireResponse.questionnaire → the Questionnaire it answers: a contained resource (`#id`),
// an entry of the same Bundle (by canonical url or fullUrl), then the conformance sources (workspace,
// nhn.fhir.packagePaths, the package cache). A version (`url|0.2`) is not required to match: the
// sources hold one version of each canonical.

import type { ConformanceIndex } from '../profiles/sources';
import { toJson, type FhirNode } from '../tree';
import type { Json } from './model';

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: FhirNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);

function containedQuestionnaire(resource: FhirNode, id: string): FhirNode | undefined {
  return kids(resource, 'contained').find((c) => c.resourceType === 'Questionnaire' && child(c, 'id')?.value === id);
}

function bundleQuestionnaire(root: FhirNode, canonical: string): FhirNode | undefined {
  if (root.resourceType !== 'Bundle') return undefined;
  const url = canonical.split('|')[0];
  for (const entry of kids(root, 'entry')) {
    const r = child(entry, 'resource');
    if (r?.resourceType !== 'Questionnaire') continue;
    if (child(r, 'url')?.value === url || child(entry, 'fullUrl')?.value === url) return r;
  }
  return undefined;
}

export async function resolveQuestionnaire(
  response: FhirNode,
  root: FhirNode,
  canonical: string,
  index: () => Promise<ConformanceIndex>,
): Promise<Json | undefined> {
  if (canonical.startsWith('#')) {
    const node = containedQuestionnaire(response, canonical.slice(1));
    return node ? (toJson(node) as Json) : undefined;
  }
  const inBundle = bundleQuestionnaire(root, canonical);
  if (inBundle) return toJson(inBundle) as Json;
  const found = await (await index()).get(canonical);
  return found?.resourceType === 'Questionnaire' ? found : undefined;
}
