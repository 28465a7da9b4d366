// ebXML transport: EDI 2.0 needs exactly one `PartyId type="HER"` in the message header's From and To,
// and in each PartyInfo of a CPA. The `type` attribute may be written with a prefix (`tns:type`).

import type { XmlElement } from '../../xml/parse';
import { kithMessage } from '../messages';
import type { KithRun } from '../report';
import { EBXML_HEADER_NS as HEADER_NS, herPartyIds } from './transport-sender';

const CPA_NS = 'http://www.oasis-open.org/committees/ebxml-cppa/schema/cpp-cpa-2_0.xsd';

/** An ebXML message header's From (its sender), for the comparison with MsgHead's Sender. */
export const isHeaderFrom = (el: XmlElement) => el.ns === HEADER_NS && el.local === 'From' && el.parent?.local === 'MessageHeader';

/** An ebXML From/To or CPA PartyInfo (called for every element of those names). */
export function checkEbxmlParty(run: KithRun, el: XmlElement): void {
  const party =
    (el.ns === HEADER_NS && (el.local === 'From' || el.local === 'To') && el.parent?.local === 'MessageHeader') ||
    (el.ns === CPA_NS && el.local === 'PartyInfo');
  if (!party) return;
  const n = herPartyIds(el).length;
  if (n !== 1)
    run.report('kith/ebxml-party-her', el.nameStart, el.nameEnd, {
      vars: { code: el.local, reason: n === 0 ? kithMessage(run.ctx.language, 'none') : String(n) },
    });
}
