// The extension's own output boundary: its log channel (which the language client also writes the
// server's log and stderr to) passes every text through the shared outgoing-text filter (shared/outgoing.ts), so no
// whole identity number reaches the NHN output view, whatever an error message quoted.

import type * as vscode from 'vscode';
import { outgoingText } from '../../shared/outgoing';

export { outgoingText };

const WRITES = new Set<PropertyKey>(['append', 'appendLine', 'replace', 'trace', 'debug', 'info', 'warn', 'error']);

const outgoingArg = (a: unknown): unknown => (typeof a === 'string' ? outgoingText(a) : a instanceof Error ? outgoingText(a.stack ?? a.message) : a);

/** `channel` with every write filtered; everything else (show, dispose, events) as it was. */
export function outgoingChannel<T extends vscode.OutputChannel>(channel: T): T {
  return new Proxy(channel, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      return WRITES.has(prop) ? (...args: unknown[]) => fn.apply(target, args.map(outgoingArg)) : fn.bind(target);
    },
  });
}
