// The namespace → message table of server/data/kith/elements.yaml, compiled once per engine instance.

import type { MessageKind } from './model';

export interface CompiledKind extends MessageKind {
  typesPattern?: RegExp;
}

export class MessageKinds {
  private readonly byNamespace = new Map<string, CompiledKind>();
  readonly all: CompiledKind[];

  constructor(kinds: readonly MessageKind[]) {
    // Case is the code-case rule's business: matching here ignores it so one mistake is reported once.
    this.all = kinds.map((k) => ({ ...k, typesPattern: k.types ? new RegExp(k.types, 'i') : undefined }));
    for (const k of this.all) this.byNamespace.set(k.namespace, k);
  }

  of(namespace: string | undefined): CompiledKind | undefined {
    return namespace === undefined ? undefined : this.byNamespace.get(namespace);
  }

  /** The payload kinds whose types a MsgInfo/Type value matches. */
  forType(type: string): CompiledKind[] {
    return this.all.filter((k) => k.payload && k.typesPattern?.test(type));
  }
}

/** The readable form of a types pattern for messages: `^DIALOG_` → `DIALOG_…`, `^APPREC$` → `APPREC`. */
export function typesLabel(pattern: string): string {
  return pattern.replace(/^\^/, '').replace(/\$$/, '').replace(/_$/, '_…');
}
