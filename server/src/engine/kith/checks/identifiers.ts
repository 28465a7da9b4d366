// Identifiers in KITH messages: an `Id` beside a `TypeId` (MsgHead Ident, AppRec Inst/HCPerson/…)
// or an AdditionalId's `Type`: ENH holds an organisation number (mod 11), HER a positive whole number,
// HPR digits only, FNR/DNR/HNR a number of that kind. Invalid identity numbers are the nin rules'
// business; here a valid number of the wrong kind is reported, always masked.

import { classifyNin, maskNin, type NinKind } from '../../../../../shared/nin-classify';
import { t, type MessageKey } from '../../core/messages';
import type { XmlElement } from '../../xml/parse';
import { organisationNumberProblem } from '../identifiers';
import { kithMessage } from '../messages';
import { bounded } from '../coded';
import type { KithRun } from '../report';
import { attr, child, KITH_NS, textSpan } from '../xml-util';

const KINDS: Record<string, NinKind[]> = {
  FNR: ['fnr', 'tenor', 'syntpop'],
  DNR: ['dnr', 'tenor-dnr', 'syntpop-dnr'],
  HNR: ['hnr'],
};

function typeOf(id: XmlElement): string | undefined {
  const parent = id.parent;
  if (!parent) return undefined;
  const type = child(parent, 'TypeId') ?? (parent.local === 'AdditionalId' ? child(parent, 'Type') : undefined);
  return attr(type, 'V')?.trim().toUpperCase();
}

function checkOne(run: KithRun, id: XmlElement, type: string): void {
  const span = textSpan(id);
  if (!span || span.value === '') return;
  const { value } = span;
  const lang = run.ctx.language;
  if (type === 'ENH') {
    const problem = organisationNumberProblem(value.replace(/\s/g, ''));
    if (problem)
      run.report('kith/organisation-number', span.start, span.end, {
        vars: { code: bounded(value), reason: kithMessage(lang, problem === 'length' ? 'org-length' : 'org-check-digit') },
      });
  } else if (type === 'HER') {
    if (!/^\d+$/.test(value) || /^0+$/.test(value)) run.report('kith/her-id', span.start, span.end, { vars: { code: bounded(value) } });
  } else if (type === 'HPR') {
    if (!/^\d+$/.test(value)) run.report('kith/hpr-number', span.start, span.end, { vars: { code: bounded(value) } });
  } else if (KINDS[type]) {
    const digits = value.replace(/ /g, '');
    if (!/^\d{11}$/.test(digits)) return;
    const info = classifyNin(digits);
    if (!info.valid || KINDS[type].includes(info.kind)) return;
    const kind = t(lang, `nin-kind-${info.kind}` as MessageKey);
    run.report('kith/ident-kind', span.start, span.end, {
      vars: { expected: type, reason: `${kind} (${maskNin(digits)})` },
      data: { masked: maskNin(digits), kind: info.kind },
    });
  }
}

/** An `Id` element (called for every element named Id). */
export function checkIdentifier(run: KithRun, el: XmlElement): void {
  if (!el.ns || !KITH_NS.test(el.ns)) return;
  const type = typeOf(el);
  if (type) checkOne(run, el, type);
}
