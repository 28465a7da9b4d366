// Severity from a rule's dates and today's date: before the deadline a warning that says when,
// after it an error that says since when. Unverified facts and undated changes are information.

import type { Language, Severity } from '../core/types';
import type { Rule } from './model';
import { t } from '../core/messages';

export interface DatedSeverity {
  severity: Severity;
  /** Sentence about the dates, in the user's language, or '' when the rule has none. */
  when: string;
}

export function formatDate(iso: string, lang: Language): string {
  if (lang === 'nb') {
    const [y, m, d] = iso.split('-');
    return `${d}.${m}.${y}`;
  }
  return iso;
}

/** Resolves `today` from an explicit value, NHN_TODAY, or the clock; rejects malformed dates. */
export function resolveToday(explicit?: string, env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const value = explicit || env.NHN_TODAY;
  if (value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw new Error(`not a date (expected YYYY-MM-DD): ${value}`);
    }
    return value;
  }
  return now.toISOString().slice(0, 10);
}

export function datedSeverity(rule: Rule, today: string, lang: Language): DatedSeverity {
  const deadline = rule.deadline;
  let severity: Severity;
  let when = '';
  if (deadline) {
    const passed = today >= deadline;
    // A retirement is "retired since"; a new requirement (deprecated: false) is "enforced since".
    const retirement = rule.deprecated !== false;
    when = t(lang, retirement ? (passed ? 'retired-since' : 'retired-on') : passed ? 'enforced-since' : 'enforced-from', formatDate(deadline, lang));
    severity = passed ? 'error' : 'warning';
  } else {
    severity = 'info';
  }
  if (rule.confidence === 'unverified') severity = 'info';
  if (rule.severity) severity = rule.severity;
  return { severity, when };
}
