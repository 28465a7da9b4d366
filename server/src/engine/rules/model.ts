// The rule data model, as written in server/rules/*.yaml and checked by schemas/rules.schema.json.

import type { Severity } from '../core/types';

export interface LocalText {
  en: string;
  nb: string;
}

export interface XmlMatch {
  /** `/`-separated suffix of local element names, e.g. `MsgInfo/Type`. */
  path: string;
  attribute?: string;
  value?: string;
  namespace?: string;
  /** Paths (same form as `path`) of which one must exist below the matched element's parent. */
  has?: string[];
}

/** Namespaces of the built-in catalog (schemas/namespaces.yaml) in a given status, found as whole URIs in any file. */
export interface CatalogMatch {
  status: ('outdated' | 'superseded')[];
  standard?: string[];
}

export interface RuleMatch {
  regex?: string;
  flags?: string;
  /** Structural match in XML documents; in an XML document it replaces `regex`. */
  xml?: XmlMatch | XmlMatch[];
  catalog?: CatalogMatch;
  /** The rule applies only to documents where this (case-insensitive) regular expression matches somewhere. */
  fileContains?: string;
  /** The rule applies only to documents where this (case-insensitive) regular expression matches nowhere. */
  fileLacks?: string;
  /** Documents whose URI matches this (case-insensitive) regular expression are not checked by the rule. */
  notFiles?: string;
  /** Found by a named check's own logic (e.g. `nin`) rather than a pattern. */
  check?: string;
  languages?: string[];
  notLanguages?: string[];
}

export interface Rule {
  id: string;
  title: LocalText;
  match: RuleMatch;
  message: LocalText;
  replacement?: {
    text: LocalText;
    /** Rewrite (JS replace syntax over the match, `{var}` from the hit). */
    value?: string;
    /** `hit`: the rewrite replaces only the `hit` group, not the whole match. */
    target?: 'match' | 'hit';
    /** Mark the rewrite as the preferred fix (default: when the rule is verified). */
    preferred?: boolean;
  };
  announced?: string;
  deadline?: string;
  source: string;
  confidence: 'verified' | 'unverified';
  severity?: Severity;
  deprecated?: boolean;
  note?: string;
}

export interface RuleFile {
  rules: Rule[];
}
