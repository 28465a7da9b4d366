// Hover and completion on KITH coded values, through the engine's participants.

import { describe, expect, it } from 'vitest';
import { createParticipants, type Completion } from '../../server/src/engine';
import { analyzed } from '../../server/src/engine/core/document';
import { context } from '../helpers/engine';
import { appRec, msgHead } from './messages';

const kithParticipant = () => createParticipants().find((p) => p.name === 'kith')!;
const doc = (text: string) => analyzed({ uri: 'file:///test/m.xml', languageId: 'xml', text });
const at = (text: string, needle: string, delta = 1) => text.indexOf(needle) + delta;

describe('hover on V and S', () => {
  it('names the list, says it is complete and built in, and gives the code’s meaning', async () => {
    const text = appRec();
    const h = await kithParticipant().hover!(doc(text), at(text, 'V="1"', 3), context());
    expect(h).toContain('Code list 8258: **Status of message receipt**');
    expect(h).toContain("the product's built-in list, complete");
    expect(h).toContain('`1`: OK');
  });

  it('in Norwegian, and for S on a partly known list', async () => {
    const text = msgHead();
    const h = await kithParticipant().hover!(doc(text), at(text, 'S="2.16.578.1.12.4.1.1.7322"', 5), context({ language: 'nb' }));
    expect(h).toContain('Kodeverk 7322: **Tema for helsefaglig dialog**');
    expect(h).toContain('delvis');
    expect(h).toContain('`8`: Forespørsel om helseopplysning');
  });

  it('says which lists the element expects when S names another', async () => {
    const text = msgHead({ tema: '<TemaKodet V="8" DN="x" S="2.16.578.1.12.4.1.1.8221"/>' });
    const h = await kithParticipant().hover!(doc(text), at(text, '8221', 0), context());
    expect(h).toContain('This element expects list 7322');
  });

  it('nothing away from V and S', async () => {
    const text = appRec();
    expect(await kithParticipant().hover!(doc(text), at(text, 'DN="OK"', 5), context())).toBeUndefined();
  });
});

describe('completion in V', () => {
  it('offers the codes of the expected list with their DN', async () => {
    const text = appRec({ status: '<Status V="" DN="?"/>' });
    const items: Completion[] = await kithParticipant().complete!(doc(text), at(text, 'V=""', 3), context());
    expect(items.map((i) => i.label)).toEqual(['1', '2', '3']);
    const two = items[1];
    expect(two.detail).toBe('Avvist');
    expect(two.replace).toEqual({ start: at(text, 'V=""', 3), end: at(text, 'V=""', 3) });
    expect(two.additionalEdits).toEqual([{ start: at(text, 'DN="?"', 4), end: at(text, 'DN="?"', 5), newText: 'Avvist' }]);
  });

  it('on a CV element without S, brings S along', async () => {
    const text = msgHead({ tema: '<TemaKodet V=""/>' });
    const items = await kithParticipant().complete!(doc(text), at(text, 'TemaKodet V=""', 13), context());
    const eight = items.find((i) => i.label === '8')!;
    const after = at(text, 'TemaKodet V=""', 14);
    expect(eight.additionalEdits).toEqual([
      { start: after, end: after, newText: ' DN="Forespørsel om helseopplysninger"' },
      { start: after, end: after, newText: ' S="2.16.578.1.12.4.1.1.7322"' },
    ]);
  });
});
