// What the validator reports, before the check turns it into an engine Finding.

import type { Severity } from '../../core/types';
import type { FhirMessage } from '../messages';
import type { Span } from '../tree';

export interface Issue {
  rule: string;
  severity: Severity;
  span: Span;
  message: FhirMessage;
  args: (string | number)[];
  /** Where the rule is defined, when not the validation page (extensions: extensibility.html). */
  source?: string;
  /**
   * Reported once per document: of the issues with the same key, only the first is kept. A pass that
   * checks part of a document (one Bundle entry, fhir/entry-units.ts) keys its first of each; the check
   * drops the later ones of the whole document.
   */
  once?: string;
  /** A certain fix: the span's new text. */
  fix?: { span: Span; text: string; title: FhirMessage; args: (string | number)[] };
}

export type Report = (issue: Issue) => void;
