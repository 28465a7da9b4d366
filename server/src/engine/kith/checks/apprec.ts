// AppRec consistency: MsgType is APPREC, MIGversion matches the namespace, Id and OriginalMsgId/Id are
// UUIDs, OriginalMsgId is there with its parts, Status 2 or 3 carries at least one Error, and an Error
// beside Status 1 is a contradiction.

import type { XmlElement } from '../../xml/parse';
import { kithMessage } from '../messages';
import { bounded } from '../coded';
import { typesLabel, type MessageKinds } from '../kinds';
import type { KithRun } from '../report';
import { attr, child, children, textSpan } from '../xml-util';
import { checkGenDate, checkMessageId, checkMigVersion } from './msghead';

function checkOriginal(run: KithRun, appRec: XmlElement): void {
  const lang = run.ctx.language;
  const original = child(appRec, 'OriginalMsgId');
  if (!original) {
    run.report('kith/apprec-original-msg-id', appRec.nameStart, appRec.nameEnd, { vars: { reason: kithMessage(lang, 'missing-original') } });
    return;
  }
  const missing = ['MsgType', 'IssueDate', 'Id'].filter((p) => !child(original, p) || (p !== 'MsgType' && !textSpan(child(original, p))?.value));
  if (missing.length) {
    run.report('kith/apprec-original-msg-id', original.nameStart, original.nameEnd, {
      vars: { reason: kithMessage(lang, 'missing-original-part', missing.join(', ')) },
    });
  }
  checkMessageId(run, child(original, 'Id'));
}

function checkStatus(run: KithRun, appRec: XmlElement): void {
  const status = child(appRec, 'Status');
  const v = status?.attributes.find((a) => a.local === 'V' && !a.prefix);
  if (!status || !v) return;
  const errors = children(appRec, 'Error');
  const code = v.value.trim();
  if ((code === '2' || code === '3') && errors.length === 0) {
    run.report('kith/apprec-status-without-error', v.valueStart, v.valueEnd, {
      vars: { code, list: attr(status, 'DN') ?? (code === '2' ? 'Avvist' : 'OK, feil i delmelding') },
    });
  }
  if (code === '1') for (const e of errors) run.report('kith/apprec-error-with-ok', e.nameStart, e.nameEnd);
}

function checkMsgType(run: KithRun, kinds: MessageKinds, appRec: XmlElement): void {
  const kind = kinds.of(appRec.ns);
  const v = child(appRec, 'MsgType')?.attributes.find((a) => a.local === 'V' && !a.prefix);
  if (!kind?.typesPattern || !v || v.value.trim() === '' || kind.typesPattern.test(v.value)) return;
  run.report('kith/msg-type-payload', v.valueStart, v.valueEnd, { vars: { code: bounded(v.value), list: kind.name, expected: typesLabel(kind.types!) } });
}

/** An `AppRec` element (called for every element named AppRec). */
export function checkAppRec(run: KithRun, kinds: MessageKinds, appRec: XmlElement): void {
  if (!kinds.of(appRec.ns)?.migVersion) return;
  checkMsgType(run, kinds, appRec);
  checkMigVersion(run, kinds, appRec, child(appRec, 'MIGversion'));
  checkMessageId(run, child(appRec, 'Id'));
  checkGenDate(run, child(appRec, 'GenDate'));
  checkOriginal(run, appRec);
  checkStatus(run, appRec);
}
