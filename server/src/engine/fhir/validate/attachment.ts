// Attachment.size and Attachment.hash against the data they describe: a stated size that differs from
// the decoded length of `data`, or a hash that is not the base64 SHA-1 of those bytes, is an error
// (receivers allocate and verify by them).

import { createHash } from 'node:crypto';
import type { FhirDocument, FhirNode } from '../tree';
import { textSpan } from '../tree';
import type { Report } from './issue';

/** Bytes that a base64 text decodes to (whitespace ignored, padding counted off). */
export function base64Length(data: string): number {
  const clean = data.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

/** Base64 SHA-1 of the bytes a base64 text decodes to (FHIR R4 Attachment.hash). */
export function base64Sha1(data: string): string {
  return createHash('sha1')
    .update(Buffer.from(data.replace(/\s+/g, ''), 'base64'))
    .digest('base64');
}

export function checkAttachment(node: FhirNode, doc: FhirDocument, path: string, report: Report): void {
  const data = node.children.find((c) => c.name === 'data');
  if (!data || typeof data.value !== 'string') return;
  if (!/^[A-Za-z0-9+/=\s]*$/.test(data.value)) return; // not base64: the format check says so
  const size = node.children.find((c) => c.name === 'size');
  if (size && size.value !== undefined && size.value !== null) {
    const stated = Number(size.value);
    const actual = base64Length(data.value);
    if (Number.isFinite(stated) && stated !== actual) {
      report({
        rule: 'fhir/attachment',
        severity: 'error',
        span: textSpan(size, doc.format),
        message: 'attachment-size',
        args: [`${path}.size`, String(size.value), actual],
      });
    }
  }
  const hash = node.children.find((c) => c.name === 'hash');
  if (hash && typeof hash.value === 'string' && hash.value.trim() !== '') {
    const actual = base64Sha1(data.value);
    if (hash.value.replace(/\s+/g, '') !== actual) {
      report({ rule: 'fhir/attachment', severity: 'error', span: textSpan(hash, doc.format), message: 'attachment-hash', args: [`${path}.hash`, actual] });
    }
  }
}
