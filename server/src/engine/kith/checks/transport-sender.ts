// The ebXML transport's sender against MsgHead's: when one document carries both an ebXML message
// header and a MsgHead (a SOAP envelope with the MsgHead in its body, a test file of both), the HER-id
// in the header's From must be one of the HER-ids MsgHead's Sender names. A receiver treats a
// transport sender that differs from the message's own as a spoofing attempt (Helsenorge.Messaging:
// abuse:spoofing-attack) and rejects it. Which level (organisation, department, person) the header
// names is the sender's choice, so any HER-id of the Sender matches.

import { elements, type XmlElement } from '../../xml/parse';
import { bounded } from '../coded';
import type { KithRun } from '../report';
import { attr, child, textSpan } from '../xml-util';

export const EBXML_HEADER_NS = 'http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd';
const MSGHEAD_NS = 'http://www.kith.no/xmlstds/msghead/2006-05-24';

/** The HER PartyIds of an ebXML From or To (the `type` attribute may carry a prefix). */
export function herPartyIds(party: XmlElement): XmlElement[] {
  return party.children.filter(
    (c): c is XmlElement => c.kind === 'element' && c.local === 'PartyId' && c.attributes.some((a) => a.local === 'type' && a.value.trim() === 'HER'),
  );
}

/** Every HER-id MsgHead's Sender names: each Ident whose TypeId is HER, at any level. */
function senderHerIds(head: XmlElement): string[] {
  const sender = child(child(head, 'MsgInfo'), 'Sender');
  if (!sender) return [];
  const ids: string[] = [];
  for (const el of elements(sender)) {
    if (el.local !== 'Ident' || attr(child(el, 'TypeId'), 'V')?.trim().toUpperCase() !== 'HER') continue;
    const id = textSpan(child(el, 'Id'))?.value;
    if (id) ids.push(id);
  }
  return ids;
}

/** After the walk: the ebXML header From elements and the MsgHead elements met in the document. */
export function checkTransportSender(run: KithRun, froms: XmlElement[], heads: XmlElement[]): void {
  // One header and one MsgHead: with more (a batch, an archive) which belongs to which is unknown.
  const kithHeads = heads.filter((h) => h.ns === MSGHEAD_NS);
  if (froms.length !== 1 || kithHeads.length !== 1) return;
  const parties = herPartyIds(froms[0]);
  const span = parties.length === 1 ? textSpan(parties[0]) : undefined; // none or several: kith/ebxml-party-her
  const ids = senderHerIds(kithHeads[0]);
  if (!span || !span.value || !ids.length || ids.includes(span.value)) return; // no HER-id in Sender: kith/party-her-id
  run.report('kith/ebxml-sender-her', span.start, span.end, { vars: { code: bounded(span.value), expected: ids.map((id) => bounded(id)).join(', ') } });
}
