import { describe, expect, it } from 'vitest';
import { namespaceParticipant, uriAt } from '../../server/src/engine/namespaces/participant';
import { analyzed } from '../../server/src/engine/core/document';
import { context } from '../helpers/engine';

const doc = (text: string, languageId = 'xml') => analyzed({ uri: `file:///t.${languageId === 'xml' ? 'xml' : 'cs'}`, languageId, text });

describe('namespace catalog in the editor', () => {
  it('finds the URI under the cursor, not a neighbour', () => {
    const text = '<a xmlns="http://www.kith.no/xmlstds/dialog/2013-01-23" b="x"/>';
    expect(uriAt(text, text.indexOf('dialog'))?.value).toBe('http://www.kith.no/xmlstds/dialog/2013-01-23');
    expect(uriAt(text, text.indexOf('b="x"'))).toBeUndefined();
  });

  it('hovers any catalog namespace with its label and status, in code too, and in Norwegian', async () => {
    const xml = '<Dialogmelding xmlns="http://www.kith.no/xmlstds/dialog/2006-10-11"/>';
    const h = await namespaceParticipant.hover!(doc(xml), xml.indexOf('2006'), context());
    expect(h).toContain('**Dialogmelding 1.0**: superseded by a newer version');
    expect(h).toContain('`http://www.kith.no/xmlstds/dialog/2013-01-23` (Dialogmelding 1.1)');
    const cs = 'const string Ns = "http://www.kith.no/xmlstds/eresept/m1/2013-10-08";';
    const nb = await namespaceParticipant.hover!(doc(cs, 'csharp'), cs.indexOf('m1/'), context({ language: 'nb' }));
    expect(nb).toContain('**e-resept M1 Resept 2013-10-08**: gjeldende');
    expect(nb).toContain('- e-resept-versjon: 2.5');
    expect(await namespaceParticipant.hover!(doc('<a xmlns="urn:x"/>'), 12, context())).toBeUndefined();
  });

  it('completes current namespaces inside an xmlns declaration, replacing what was typed', async () => {
    const text = '<Resept xmlns="http://www.kith.no/xmlstds/eresept/m1/';
    const items = await namespaceParticipant.complete!(doc(text), text.length, context());
    expect(items.map((i) => i.label)).toEqual([
      'http://www.kith.no/xmlstds/eresept/m1/2013-10-08',
      'http://www.kith.no/xmlstds/eresept/m1/2013-10-08/extension/1',
    ]);
    expect(items[0]).toMatchObject({ kind: 'value', detail: 'e-resept M1 Resept 2013-10-08', replace: { start: text.indexOf('http'), end: text.length } });
    expect(await namespaceParticipant.complete!(doc('<a b="http://www.kith'), 21, context())).toEqual([]);
  });
});
