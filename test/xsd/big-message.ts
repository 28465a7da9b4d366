// Large MsgHead + Dialogmelding 1.1 messages for the interruption tests: the valid test instance with its
// `Notat` repeated until the message reaches the wanted size. The repeated element is the one the fixture
// schema declares repeatable (Dialogmelding's `Notat`, maxOccurs="unbounded"), checked here so the
// generated message stays valid only as long as the real schema says it is.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, instance } from './helpers';

const DIALOG_XSD = path.join(FIXTURES, 'kith-core/dialogmelding-v1.1.xsd');

function repeatableChild(): string {
  const xsd = readFileSync(DIALOG_XSD, 'utf8');
  if (!/<element ref="dia:Notat" minOccurs="0" maxOccurs="unbounded"\/>/.test(xsd)) {
    throw new Error('dialogmelding-v1.1.xsd no longer declares Notat repeatable');
  }
  return 'Notat';
}

/** A valid MsgHead + Dialogmelding 1.1 of at least `chars` characters. */
export function bigDialog(chars: number): string {
  const { text } = instance('dialog-1.1-valid.xml');
  const name = repeatableChild();
  const start = text.indexOf(`<${name}>`);
  const end = text.indexOf(`</${name}>`) + `</${name}>`.length;
  if (start < 0 || end < start) throw new Error(`no <${name}> in the valid instance`);
  const block = text.slice(start, end);
  const copies: string[] = [];
  let size = text.length;
  for (let i = 0; size < chars; i++) {
    const copy = `\n          ${block.replace('Ettersending', `Ettersending ${i}`)}`;
    copies.push(copy);
    size += copy.length;
  }
  return text.slice(0, end) + copies.join('') + text.slice(end);
}

/** The same message with an invalid GenDate (one `xsd/invalid-value` finding). */
export function withBadGenDate(text: string): string {
  return text.replace('<GenDate>2026-11-26T10:00:00<', '<GenDate>2026-11-31T10:00:00<');
}
