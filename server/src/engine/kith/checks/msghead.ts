// MsgHead consistency: MsgInfo/Type matches the payload (namespace → type table), MIGversion matches
// the MsgHead version, MsgId is a UUID, GenDate is not in the future, Sender and Receiver each name an
// organisation with a HER-id, and a type that needs a payload has one.

import { elements, type XmlElement } from '../../xml/parse';
import { kithMessage } from '../messages';
import { bounded } from '../coded';
import { typesLabel, type MessageKinds } from '../kinds';
import type { KithRun } from '../report';
import { attr, child, children, textSpan, UUID } from '../xml-util';

const MSGHEAD_NS = 'http://www.kith.no/xmlstds/msghead/2006-05-24';

/** YYYY-MM-DD plus days, as ISO date text. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function checkMigVersion(run: KithRun, kinds: MessageKinds, root: XmlElement, mig: XmlElement | undefined): void {
  const expected = kinds.of(root.ns)?.migVersion;
  const span = textSpan(mig);
  if (!expected || !span || span.value === expected) return;
  run.report('kith/mig-version', span.start, span.end, {
    vars: { code: bounded(span.value), list: kinds.of(root.ns)!.name, expected },
    fixes: [
      {
        title: kithMessage(run.ctx.language, 'set-mig-version', expected),
        edits: [{ range: run.doc.rangeOf(span.start, span.end), newText: expected }],
        preferred: true,
      },
    ],
  });
}

export function checkMessageId(run: KithRun, id: XmlElement | undefined): void {
  const span = textSpan(id);
  if (span && span.value !== '' && !UUID.test(span.value)) run.report('kith/msg-id', span.start, span.end, { vars: { code: bounded(span.value) } });
}

export function checkGenDate(run: KithRun, gen: XmlElement | undefined): void {
  const span = textSpan(gen);
  const date = span && /^(\d{4}-\d{2}-\d{2})/.exec(span.value)?.[1];
  // One day of clock skew: a message written late in the evening in UTC+2 is "tomorrow" in UTC.
  if (span && date && date > addDays(run.ctx.today, 1))
    run.report('kith/gen-date-future', span.start, span.end, { vars: { code: bounded(span.value), expected: run.ctx.today } });
}

function hasHerId(party: XmlElement): boolean {
  for (const el of elements(party)) {
    if (el.local !== 'Ident' || el.parent?.local !== 'Organisation') continue;
    if (attr(child(el, 'TypeId'), 'V')?.trim().toUpperCase() === 'HER' && textSpan(child(el, 'Id'))?.value) return true;
  }
  return false;
}

function checkParties(run: KithRun, info: XmlElement): void {
  for (const [local, key] of [
    ['Sender', 'sender'],
    ['Receiver', 'receiver'],
  ] as const) {
    const party = child(info, local);
    if (party && !hasHerId(party)) run.report('kith/party-her-id', party.nameStart, party.nameEnd, { vars: { code: kithMessage(run.ctx.language, key) } });
  }
}

/** The payload: the first element inside the first Document's RefDoc/Content. */
function payloadOf(head: XmlElement): { root?: XmlElement; present: boolean } {
  // No Document at all is the XSD's finding (and a snippet's normal state): only an empty one is ours.
  let present = children(head, 'Document').length === 0;
  let root: XmlElement | undefined;
  for (const doc of children(head, 'Document')) {
    const ref = child(doc, 'RefDoc');
    const content = child(ref, 'Content');
    const first = content?.children.find((c): c is XmlElement => c.kind === 'element');
    if (first || child(ref, 'FileReference')) present = true;
    root ??= first;
  }
  return { root, present };
}

function checkPayload(run: KithRun, kinds: MessageKinds, head: XmlElement, type: XmlElement | undefined): void {
  const v = type?.attributes.find((a) => a.local === 'V' && !a.prefix);
  if (!v || v.value.trim() === '') return;
  const { root, present } = payloadOf(head);
  const kind = kinds.of(root?.ns);
  if (kind?.payload && kind.typesPattern && !kind.typesPattern.test(v.value)) {
    run.report('kith/msg-type-payload', v.valueStart, v.valueEnd, { vars: { code: bounded(v.value), list: kind.name, expected: typesLabel(kind.types!) } });
    return;
  }
  const needs = kinds.forType(v.value);
  if (!present && needs.length)
    run.report('kith/payload-missing', v.valueStart, v.valueEnd, { vars: { code: bounded(v.value), list: needs.map((k) => k.name).join(', ') } });
}

/** A `MsgHead` element (called for every element named MsgHead). */
export function checkMsgHead(run: KithRun, kinds: MessageKinds, head: XmlElement): void {
  if (head.ns !== MSGHEAD_NS) return;
  const info = child(head, 'MsgInfo');
  if (info) {
    checkMigVersion(run, kinds, head, child(info, 'MIGversion'));
    checkMessageId(run, child(info, 'MsgId'));
    checkGenDate(run, child(info, 'GenDate'));
    checkParties(run, info);
    checkPayload(run, kinds, head, child(info, 'Type'));
  }
}
