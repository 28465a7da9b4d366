// The rule data model, as written in server/rules/*.yaml and checked by schemas/rules.schema.json.

import type { Severity } from '../types';

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
}

export interface RuleMatch {
  regex?: string;
  flags?: string;
  xml?: XmlMatch;
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
  replacement?: { text: LocalText; value?: string };
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
