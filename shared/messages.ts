// The one message catalogue of the product: every sentence the engine, the server, the CLI and the
// extension show a person, in English and Norwegian bokmål. Each feature owns a small table next to its
// code (`defineMessages('xsd', {...})` in engine/xsd/messages.ts), so files stay small; the tables share one
// key style (`namespace.kebab-key`: the namespace names the table, the key is kebab-case), one placeholder
// style (`{0}`, `{1}`… filled from the arguments in order, as vscode.l10n and package.nls do) and one lookup,
// the table's `text`. test/l10n/catalogue.test.ts walks every table: both languages present, the same
// placeholders, a translation that is not a copy, and no key that no code uses.

import { fill } from './fill';

export type Language = 'en' | 'nb';

/** One sentence in both languages. */
export type Sentence = Readonly<Record<Language, string>>;

/** A value a sentence quotes. A missing one reads as ''; a long one is cut (shared/fill.ts). */
export type MessageArg = string | number | undefined;

export interface MessageTable<K extends string> {
  /** Kebab-case, unique across the catalogue: the first part of every key's full id `namespace.key`. */
  readonly namespace: string;
  readonly sentences: Readonly<Record<K, Sentence>>;
  /** The sentence `key` in `lang`, with `{0}`, `{1}`… replaced by `args` in order. */
  readonly text: (lang: Language, key: K, ...args: readonly MessageArg[]) => string;
}

/** The key type of a table: `MessageKey<typeof xsdMessages>`. */
export type MessageKey<T> = T extends MessageTable<infer K> ? K : never;

/** A feature's table of sentences. `text` is a plain function, so it can be passed on or renamed. */
export function defineMessages<const K extends string>(namespace: string, sentences: Readonly<Record<K, Sentence>>): MessageTable<K> {
  return { namespace, sentences, text: (lang, key, ...args) => fill(sentences[key][lang], args) };
}
