// Attachment.size and Attachment.hash against the decoded `data`: both are errors at the stated value,
// in JSON and XML, and a matching or absent size/hash is quiet.

import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const problems = (fs: Awaited<ReturnType<typeof fhirFindings>>) =>
  fs.filter((f) => f.ruleId.startsWith('fhir/') && (f.severity === 'error' || f.severity === 'warning'));

// "aGVsbG8=" is "hello": 5 bytes, SHA-1 qvTGHdzF6KLavt4PO0gs2a6pQ00= in base64.
const HELLO_SHA1 = 'qvTGHdzF6KLavt4PO0gs2a6pQ00=';
const WRONG = 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=';
const documentReference = (attachment: string) =>
  `{ "resourceType": "DocumentReference", "status": "current", "content": [{ "attachment": { "contentType": "text/plain", "data": "aGVsbG8="${attachment} } }] }`;

describe('Attachment size and hash', () => {
  it('a hash that is not the SHA-1 of the data is an error at the hash, naming the expected value', async () => {
    const text = documentReference(`, "size": 5, "hash": "${WRONG}"`);
    expect(problems(await fhirFindings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/attachment',
        range: rangeOf(text, WRONG),
        message: `DocumentReference.content[0].attachment.hash: the hash does not match the data, whose SHA-1 is ${HELLO_SHA1}`,
      },
    ]);
    const xml = fhirJsonToXml(text);
    expect(problems(await fhirFindings(xml, 'xml')).map((f) => [f.ruleId, f.message])).toEqual([
      ['fhir/attachment', `DocumentReference.content[0].attachment.hash: the hash does not match the data, whose SHA-1 is ${HELLO_SHA1}`],
    ]);
  });

  it('wrong size and wrong hash are both reported, each at its own value', async () => {
    const text = documentReference(`, "size": 7, "hash": "${WRONG}"`);
    expect(problems(await fhirFindings(text)).map((f) => [f.ruleId, f.range])).toEqual([
      ['fhir/attachment', rangeOf(text, '7')],
      ['fhir/attachment', rangeOf(text, WRONG)],
    ]);
  });

  it('a matching hash, or one without data to compare with, is quiet', async () => {
    expect(problems(await fhirFindings(documentReference(`, "size": 5, "hash": "${HELLO_SHA1}"`)))).toEqual([]);
    const noData = `{ "resourceType": "DocumentReference", "status": "current", "content": [{ "attachment": { "url": "http://example.org/a", "hash": "${WRONG}" } }] }`;
    expect(problems(await fhirFindings(noData))).toEqual([]);
  });
});
