// The data model of the KITH feature: code lists (built in or loaded by the user), element
// expectations and the namespace → message-type table, as compiled from server/data/kith/*.yaml.

import type { LocalText } from '../rules/model';

export interface Code {
  code: string;
  /** Official display text (Norwegian bokmål); `en` where the list has one. */
  nb: string;
  en?: string;
}

/** Where a list came from: the product's own data, or a file the user pointed at. */
export interface ListOrigin {
  kind: 'builtin' | 'volven-xml' | 'volven-csv' | 'fhir-codesystem';
  /** A file path for user lists; the data file for built-in ones. */
  file: string;
}

export interface CodeList {
  oid: string;
  name: LocalText;
  complete: boolean;
  codes: Code[];
  origin: ListOrigin;
}

/** A code list as written in server/data/kith/codelists.yaml. */
export interface CodeListEntry {
  oid: string;
  name: LocalText;
  complete: boolean;
  sources: { ref: string; licence: string }[];
  codes: (Code & { note?: string })[];
}

export interface ElementExpectation {
  /** Namespace URIs the element belongs to. */
  namespaces: string[];
  /** Local names, outermost first (`Organisation`, `Ident`, `TypeId`): a suffix of the element's path. */
  path: string[];
  type: 'CS' | 'CV';
  lists: string[];
  /** DN should be the list's display text. */
  display: boolean;
}

export interface MessageKind {
  namespace: string;
  name: string;
  /** Regular expression source over MsgInfo/Type V (payload) or MsgType V (root). */
  types?: string;
  payload?: boolean;
  migVersion?: string;
}

export interface KithElementData {
  elements: ElementExpectation[];
  messages: MessageKind[];
}

export const OID_PREFIX = '2.16.578.1.12.4.1.1.';
