// The project configuration (.nhn-lint.yaml) in the language server: loaded for a document's folder
// before it is validated, its mistakes shown as diagnostics in the configuration file itself, forgotten
// when a configuration or baseline file changes; and the baseline it names, applied to the findings.

import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { BUILTIN_RULES, pathOfUri, type Finding } from '../engine';
import { BaselineMatcher, baselinePath, fingerprintsOf, readBaseline, type BaselineEntry } from '../host/baseline';
import { CONFIG_NAMES, ConfigResolver, EMPTY_CONFIG, parseConfig, type ConfigError, type EffectiveConfig } from '../host/project-config';

/** What a baselined finding looks like in the editor (nhn.baseline.findings). */
export type BaselineDisplay = 'hint' | 'hide' | 'show';

export const CONFIG_RULE = 'config/invalid';

export function isConfigUri(uri: string): boolean {
  const base = decodeURIComponent(uri.split('/').pop() ?? '');
  return CONFIG_NAMES.includes(base);
}

function errorFinding(e: ConfigError): Finding {
  return { ruleId: CONFIG_RULE, range: e.range, severity: 'error', message: e.message };
}

export class ProjectConfigs {
  private resolver: ConfigResolver;
  private readonly byDir = new Map<string, EffectiveConfig>();
  private readonly reported = new WeakSet<EffectiveConfig>();
  /** Configuration files with errors published (their URIs), so a corrected file is cleared. */
  private readonly published = new Set<string>();
  private readonly baselines = new Map<string, Promise<BaselineEntry[] | undefined>>();

  constructor(
    private readonly connection: Connection,
    private readonly workspaceFolders: () => string[],
  ) {
    this.resolver = this.newResolver();
  }

  private newResolver(): ConfigResolver {
    return new ConfigResolver({ stopAt: this.workspaceFolders, rules: BUILTIN_RULES });
  }

  /** The configuration that applies to a document, loaded now if it was not (call before analysing). */
  async prepare(uri: string): Promise<EffectiveConfig> {
    const file = pathOfUri(uri);
    if (!file) return EMPTY_CONFIG;
    const dir = path.dirname(file);
    const cfg = await this.resolver.forDir(dir);
    this.byDir.set(dir, cfg);
    if (!this.reported.has(cfg)) {
      this.reported.add(cfg);
      this.publish(cfg);
    }
    return cfg;
  }

  /** The configuration already loaded for a document's folder (hover, completion, code actions). */
  current(uri: string): EffectiveConfig {
    const file = pathOfUri(uri);
    return (file && this.byDir.get(path.dirname(file))) || EMPTY_CONFIG;
  }

  /** A configuration or baseline file changed on disk: read everything again. */
  changed(): void {
    this.resolver = this.newResolver();
    this.byDir.clear();
    this.baselines.clear();
  }

  /** A configuration file open in the editor is checked as it is typed, not only when saved. */
  findingsForOpenConfig(uri: string, text: string): Finding[] {
    const file = pathOfUri(uri);
    if (!file || !isConfigUri(uri)) return [];
    return parseConfig(text, file, BUILTIN_RULES).errors.map(errorFinding);
  }

  private publish(cfg: EffectiveConfig): void {
    const byFile = new Map<string, ConfigError[]>();
    for (const e of cfg.errors) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    for (const file of cfg.files) {
      const uri = pathToFileURL(file).href;
      const errors = byFile.get(file) ?? [];
      if (!errors.length && !this.published.has(uri)) continue;
      if (errors.length) this.published.add(uri);
      else this.published.delete(uri);
      void this.connection.sendDiagnostics({
        uri,
        diagnostics: errors.map((e) => ({ range: e.range, severity: 1, code: CONFIG_RULE, source: 'nhn', message: e.message })),
      });
    }
  }

  /**
   * Findings recorded in the configuration's baseline shown as hints (or not at all); new ones as they
   * are. The same fingerprints as `nhn-lint --baseline`.
   */
  async applyBaseline(uri: string, text: string, findings: Finding[], display: BaselineDisplay): Promise<Finding[]> {
    const cfg = this.current(uri);
    const file = pathOfUri(uri);
    if (!cfg.baseline || !file || display === 'show' || !findings.length) return findings;
    let entries = this.baselines.get(cfg.baseline);
    if (!entries) this.baselines.set(cfg.baseline, (entries = readBaseline(cfg.baseline).catch(() => undefined)));
    const all = await entries;
    if (!all) return findings;
    const name = baselinePath(cfg.baseline, file);
    const matcher = new BaselineMatcher(all.filter((e) => e.file === name));
    const prints = fingerprintsOf(text, findings);
    const out: Finding[] = [];
    findings.forEach((f, i) => {
      if (matcher.state(name, prints[i]) === 'new') out.push(f);
      else if (display === 'hint') out.push({ ...f, severity: 'hint', data: { ...f.data, baselined: true } });
    });
    return out;
  }
}
