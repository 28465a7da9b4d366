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
  /** A certain fix: the span's new text. */
  fix?: { span: Span; text: string; title: FhirMessage; args: (string | number)[] };
}

export type Report = (issue: Issue) => void;
