// Attachment.size against the data it describes: a stated size that differs from the decoded length
// of `data` is an error (receivers allocate and check by it).

import type { FhirDocument, FhirNode } from '../tree';
import { textSpan } from '../tree';
import type { Report } from './issue';

/** Bytes that a base64 text decodes to (whitespace ignored, padding counted off). */
export function base64Length(data: string): number {
  const clean = data.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

export function checkAttachment(node: FhirNode, doc: FhirDocument, path: string, report: Report): void {
  const data = node.children.find((c) => c.name === 'data');
  const size = node.children.find((c) => c.name === 'size');
  if (!data || !size || typeof data.value !== 'string' || size.value === undefined || size.value === null) return;
  if (!/^[A-Za-z0-9+/=\s]*$/.test(data.value)) return; // not base64: the format check says so
  const stated = Number(size.value);
  const actual = base64Length(data.value);
  if (!Number.isFinite(stated) || stated === actual) return;
  report({ rule: 'fhir/attachment', severity: 'error', span: textSpan(size, doc.format), message: 'attachment-size', args: [`${path}.size`, String(size.value), actual] });
}
