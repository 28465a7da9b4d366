// libxml2 in its worker thread (the built dist/xsd-worker.mjs): the main thread's event loop keeps
// turning during a large validation (so hover and completion are answered), superseded validations
// are dropped before they start, and compiled sets are reused.

import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';
import type { SchemaFiles, XsdService } from '../../server/src/engine/xsd/service';
import { AbortedError, WorkerXsdService } from '../../server/src/host/xsd-client';

const WORKER = path.resolve(__dirname, '../../dist/xsd-worker.mjs');
const SCHEMA: SchemaFiles = {
  entry: '/w/list.xsd',
  files: {
    '/w/list.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:w" xmlns:w="urn:w" elementFormDefault="qualified">
  <xs:element name="list"><xs:complexType><xs:sequence><xs:element name="item" maxOccurs="unbounded"><xs:complexType><xs:sequence>
    <xs:element name="when" type="xs:dateTime"/><xs:element name="n" type="xs:int"/><xs:element name="text" type="xs:string"/>
  </xs:sequence><xs:attribute name="id" type="xs:ID"/></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
  },
};
const BIG = `<list xmlns="urn:w">${Array.from({ length: 60_000 }, (_, i) => `<item id="i${i}"><when>2026-11-26T10:00:00</when><n>${i}</n><text>Notat nummer ${i} om pasienten</text></item>`).join('\n')}</list>`;

/** How many times a 0 ms interval fired on the main thread while `work` ran. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describe('the libxml2 worker', () => {
  const worker = new WorkerXsdService(WORKER);
  afterAll(() => worker.dispose());

  it('validates in the worker while the main thread keeps running (in-process it would not)', async () => {
    await worker.compile('big', () => SCHEMA);
    let result: Awaited<ReturnType<XsdService['validate']>> | undefined;
    const inWorker = await ticksDuring(async () => (result = await worker.validate('big', () => SCHEMA, BIG, '/w/big.xml')));
    expect(result).toMatchObject({ parsed: true, issues: [] });
    const local = new LibxmlXsdService();
    await local.compile('big', () => SCHEMA);
    const inProcess = await ticksDuring(() => local.validate('big', () => SCHEMA, BIG, '/w/big.xml'));
    expect(inProcess).toBe(0);
    expect(inWorker).toBeGreaterThan(0);
  }, 60000);

  it('reports errors with line and XPath, reusing the compiled set', async () => {
    const r = await worker.validate(
      'big',
      () => ({ entry: '', files: {} }),
      '<list xmlns="urn:w">\n<item><when>nope</when><n>1</n><text/></item></list>',
      '/w/bad.xml',
    );
    expect(r.compile.ms).toBe(0);
    expect(r.issues).toMatchObject([{ line: 2, xpath: '/*/*/*[1]', message: expect.stringContaining("'nope' is not a valid value") }]);
  });

  it('drops a validation superseded before it started, and goes on', async () => {
    const stale = new AbortController();
    const first = worker.validate('big', () => SCHEMA, BIG, '/w/big.xml');
    const second = worker.validate('big', () => SCHEMA, '<list xmlns="urn:w"/>', '/w/x.xml', { signal: stale.signal });
    stale.abort();
    await expect(second).rejects.toBeInstanceOf(AbortedError);
    await expect(first).resolves.toMatchObject({ parsed: true });
    await expect(
      worker.validate('big', () => SCHEMA, '<list xmlns="urn:w"><item><when>2026-01-01T00:00:00</when><n>1</n><text/></item></list>', '/w/ok.xml'),
    ).resolves.toMatchObject({ issues: [] });
  }, 60000);
});
