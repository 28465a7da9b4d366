// Bundle entries' fullUrl, as the reference validator checks it: present (except in transactions and
// batches, where the request says what the entry is), absolute, and, when it looks like a RESTful
// server URL (`…/Patient/123`), ending in the entry's own resource type and id.

import { nameSpanOf, textSpan, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from './issue';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
const RESTFUL = /^https?:\/\/.+\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;
const WITHOUT_FULLURL = new Set(['transaction', 'batch', 'transaction-response', 'batch-response']);

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);

export function checkBundleEntries(bundle: FhirNode, doc: FhirDocument, isResource: (type: string) => boolean, report: Report): void {
  const type = String(child(bundle, 'type')?.value ?? '');
  bundle.children
    .filter((c) => c.name === 'entry')
    .forEach((entry, i) => {
      const path = `Bundle.entry[${i}]`;
      const resource = child(entry, 'resource');
      const fullUrl = child(entry, 'fullUrl');
      if (!fullUrl || typeof fullUrl.value !== 'string') {
        if (resource && !WITHOUT_FULLURL.has(type))
          report({ rule: 'fhir/bundle-entry', severity: 'error', span: nameSpanOf(entry), message: 'bundle-no-full-url', args: [path] });
        return;
      }
      const url = fullUrl.value;
      const span = textSpan(fullUrl, doc.format);
      if (!ABSOLUTE.test(url)) {
        report({ rule: 'fhir/bundle-entry', severity: 'error', span, message: 'bundle-full-url-relative', args: [path, url] });
        return;
      }
      const rest = RESTFUL.exec(url);
      if (!rest || !resource?.resourceType || !isResource(rest[1])) return;
      const id = child(resource, 'id')?.value;
      if (id === undefined || id === null) {
        report({ rule: 'fhir/bundle-entry', severity: 'error', span, message: 'bundle-full-url-no-id', args: [path, url] });
      } else if (rest[1] !== resource.resourceType || rest[2] !== String(id)) {
        report({
          rule: 'fhir/bundle-entry',
          severity: 'error',
          span,
          message: 'bundle-full-url-mismatch',
          args: [path, url, `/${resource.resourceType}/${id}`],
        });
      }
    });
}
