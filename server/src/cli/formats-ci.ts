// CI report formats: GitLab Code Quality (a Code Climate subset, shown in merge requests) and JUnit XML
// (Azure DevOps "Publish Test Results", Jenkins): one test case per checked file, failed by its errors.

import { createHash } from 'node:crypto';
import type { Severity } from '../engine';
import { rel, toJsonFindings, type FileFindings } from './formats';

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export function formatGitlab(results: FileFindings[]): string {
  const issues = toJsonFindings(results).map((f, i) => ({
    type: 'issue',
    check_name: f.rule,
    description: f.message,
    categories: ['Bug Risk'],
    severity: GITLAB_SEVERITY[f.severity],
    // Unique in the report and stable across runs: the path with the finding's own fingerprint.
    fingerprint: createHash('md5')
      .update(`${f.file}\u0000${f.fingerprint ?? `${f.rule}:${f.line}:${f.column}:${i}`}`)
      .digest('hex'),
    location: { path: f.file, lines: { begin: f.line, end: f.endLine } },
  }));
  return JSON.stringify(issues, null, 2);
}

/** XML 1.0 text: markup escaped, and characters XML cannot carry at all written as `\uXXXX`. */
function xml(s: string): string {
  return s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

/** `checked`: every file looked at, so a clean file is a passed test case. */
export function formatJunit(results: FileFindings[], checked: string[]): string {
  const byFile = new Map(results.map((r) => [r.file, r]));
  const files = [...new Set([...checked, ...results.map((r) => r.file)])];
  let failures = 0;
  const cases = files.map((file) => {
    const name = rel(file);
    const found = byFile.get(file) ? toJsonFindings([byFile.get(file)!]) : [];
    const lines = found.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.message} [${f.rule}]`);
    const errors = found.filter((f) => f.severity === 'error');
    if (!errors.length) {
      return `    <testcase classname="nhn-lint" name="${xml(name)}">${lines.length ? `\n      <system-out>${xml(lines.join('\n'))}</system-out>\n    ` : ''}</testcase>`;
    }
    failures++;
    const first = errors[0];
    return [
      `    <testcase classname="nhn-lint" name="${xml(name)}">`,
      `      <failure message="${xml(`${errors.length} error(s): ${first.message} [${first.rule}]`)}" type="${xml(first.rule)}">${xml(lines.join('\n'))}</failure>`,
      `    </testcase>`,
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="nhn-lint" tests="${files.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="nhn-lint" tests="${files.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}
