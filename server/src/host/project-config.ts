// The project configuration file (.nhn-lint.yaml, .nhn-lint.yml or .nhn-lint.json), shared by the
// language server and the CLI: found from a file's folder upwards, the nearest file merged over the
// ones above it, validated against schemas/nhn-lint.schema.json with the line and column of a mistake.
// Merge (documented in docs/configuration.md): `rules`, `fhir.profiles` per key, the nearer file wins;
// `today` and `baseline` from the nearest file that sets them; folder lists and `ignore` are joined.

import { type Ajv, newAjv, yaml } from '../../../shared/lazy-deps';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { IgnoreRules } from './ignore-rules';
import type { Node } from 'yaml';
import configSchema from '../../../schemas/nhn-lint.schema.json';
import checksData from '../../rules/checks.yaml';
import type { ChecksFile } from '../build/compile-checks';
import { FAMILIES, type Rule, type RuleSetting, type Settings } from '../engine';

export const CONFIG_NAMES = ['.nhn-lint.yaml', '.nhn-lint.yml', '.nhn-lint.json'];
/** A configuration file larger than this is a mistake, not a configuration: it is not read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The file as written (paths still relative to it). */
export interface ProjectConfig {
  root?: boolean;
  today?: string;
  rules?: Record<string, RuleSetting>;
  schemas?: string[];
  catalogs?: string[];
  codeLists?: string[];
  fhir?: { packages?: string[]; profiles?: Record<string, string | string[]> };
  ignore?: string[];
  baseline?: string;
}

/** A mistake in a configuration file; lines and characters are 0-based (as in LSP). */
export interface ConfigError {
  file: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface LoadedConfig {
  file: string;
  config?: ProjectConfig;
  errors: ConfigError[];
}

/** What applies to the files of one folder: every file from the outermost to the nearest, merged. */
export interface EffectiveConfig {
  /** The files that contributed, outermost first. */
  files: string[];
  errors: ConfigError[];
  today?: string;
  rules: Record<string, RuleSetting>;
  /** Absolute paths, `/`-separated. */
  schemas: string[];
  catalogs: string[];
  codeLists: string[];
  fhirPackages: string[];
  /** Globs made absolute (anchored at their file's folder) → profile URLs. */
  fhirProfiles: Record<string, string[]>;
  baseline?: string;
  /** True when an `ignore` entry of any contributing file matches `file` (absolute). */
  ignores(file: string): boolean;
}

/** A configuration that sets nothing: a new object each call, so that merging can fill it in. */
function emptyConfig(): EffectiveConfig {
  return { files: [], errors: [], rules: {}, schemas: [], catalogs: [], codeLists: [], fhirPackages: [], fhirProfiles: {}, ignores: () => false };
}

export const EMPTY_CONFIG: EffectiveConfig = emptyConfig();

let validator: ReturnType<Ajv['compile']> | undefined;

const slash = (p: string) => p.split(path.sep).join('/');

/** Parses and validates a configuration's text. YAML is a superset of JSON, so one parser reads both. */
export function parseConfig(text: string, file: string, knownRules?: readonly Rule[]): LoadedConfig {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (start: number, end: number): ConfigError['range'] => {
    const s = lines.linePos(start);
    const e = lines.linePos(Math.max(start, end));
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  if (doc.errors.length) {
    return { file, errors: doc.errors.slice(0, 5).map((e) => ({ file, message: `YAML: ${e.message.split('\n')[0]}`, range: at(e.pos[0], e.pos[1]) })) };
  }
  const data = (doc.toJS() ?? {}) as unknown;
  validator ??= newAjv({ allErrors: true, strict: true }).compile(configSchema);
  if (!validator(data)) {
    const errors = (validator.errors ?? []).slice(0, 10).map((e) => {
      const pointer = e.instancePath;
      const params = e.params as Record<string, unknown>;
      const extra = 'additionalProperty' in params ? ` '${String(params.additionalProperty)}'` : '';
      const allowed = 'allowedValues' in params ? ` (${(params.allowedValues as unknown[]).join(', ')})` : '';
      const key = 'propertyName' in params ? ` '${String(params.propertyName)}'` : '';
      const node = nodeAt(
        doc.contents,
        pointer,
        'additionalProperty' in params ? String(params.additionalProperty) : 'propertyName' in params ? String(params.propertyName) : undefined,
      );
      const where = pointer
        ? pointer
            .slice(1)
            .split('/')
            .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
            .join('.')
        : 'the file';
      return { file, message: `${where}: ${e.message}${extra}${key}${allowed}`, range: node?.range ? at(node.range[0], node.range[1]) : at(0, 0) };
    });
    // `anyOf` adds one error per branch: one message per place is enough.
    const seen = new Set<string>();
    return {
      file,
      errors: errors.filter(
        (e) => !seen.has(`${e.range.start.line}:${e.range.start.character}`) && !!seen.add(`${e.range.start.line}:${e.range.start.character}`),
      ),
    };
  }
  const config = data as ProjectConfig;
  if (config.today !== undefined && !isCalendarDate(config.today)) {
    const node = nodeAt(doc.contents, '/today');
    return {
      file,
      errors: [
        { file, message: `today: '${config.today}' is not a calendar date (YYYY-MM-DD)`, range: node?.range ? at(node.range[0], node.range[1]) : at(0, 0) },
      ],
    };
  }
  if (knownRules && config.rules) {
    const unknown = unknownRuleKeys(Object.keys(config.rules), knownRules);
    if (unknown.length) {
      return {
        file,
        errors: unknown.map((key) => {
          const node = nodeAt(doc.contents, '/rules', key);
          return { file, message: `rules: unknown rule or family '${key}'`, range: node?.range ? at(node.range[0], node.range[1]) : at(0, 0) };
        }),
      };
    }
  }
  return { file, config, errors: [] };
}

// The ids the engine's own checks emit (server/rules/checks.yaml), beside the rule files' ids.
const CHECK_IDS = new Set((checksData as unknown as ChecksFile).checks.map((c) => c.id));

/** The rule keys that name nothing: neither `*`, a family, a rule of the loaded rule files, nor a check's id. */
export function unknownRuleKeys(keys: string[], rules: readonly Rule[]): string[] {
  const ids = new Set(rules.map((r) => r.id));
  const families = new Set<string>([...FAMILIES, ...rules.map((r) => r.id.split('/')[0]), ...[...CHECK_IDS].map((id) => id.split('/')[0])]);
  return keys.filter(
    (key) => !(key === '*' || families.has(key) || ids.has(key) || CHECK_IDS.has(key) || (families.has(key.split('/')[0]) && key.endsWith('/check-failed'))),
  );
}

/** `2026-02-30` passes a pattern but is no day: the date must survive a round trip. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The YAML node a JSON pointer names (or the key node of `childKey` under it). */
function nodeAt(root: Node | null | undefined, pointer: string, childKey?: string): Node | undefined {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    let next: unknown;
    if (yaml().isMap(node)) next = node.items.find((p) => (p.key as { value?: unknown })?.value === key)?.value;
    else if (yaml().isSeq(node)) next = node.items[Number(key)];
    if (!next) break;
    node = next;
  }
  if (childKey !== undefined && yaml().isMap(node)) {
    const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === childKey);
    if (pair?.key) return pair.key as Node;
  }
  return node as Node | undefined;
}

/** Reads a configuration file: a regular file below the size limit only. Undefined when there is none. */
export async function loadConfigFile(file: string, knownRules?: readonly Rule[]): Promise<LoadedConfig | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)); // a FIFO opens at once (then refused below) instead of blocking
  } catch {
    return undefined;
  }
  try {
    const s = await handle.stat();
    const none = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (!s.isFile()) return { file, errors: [{ file, message: 'not a regular file', range: none }] };
    if (s.size > MAX_CONFIG_BYTES) return { file, errors: [{ file, message: `larger than ${MAX_CONFIG_BYTES / 1024} KB: not read`, range: none }] };
    return parseConfig(await handle.readFile('utf8'), file, knownRules);
  } finally {
    await handle.close();
  }
}

interface Layer {
  dir: string;
  loaded: LoadedConfig;
  ig?: IgnoreRules;
}

/**
 * Finds and merges configuration files, cached per folder. The search goes up from a file's folder
 * and stops after a file with `root: true`, at a folder holding `.git`, at one of `stopAt` (the
 * workspace folders), or at the file system's root.
 */
export class ConfigResolver {
  private readonly layers = new Map<string, Promise<Layer | undefined>>();
  private readonly effective = new Map<string, Promise<EffectiveConfig>>();
  private readonly isRepoRoot = new Map<string, Promise<boolean>>();

  constructor(private readonly options: { stopAt?: () => string[]; explicit?: string; rules?: readonly Rule[] } = {}) {}

  /** Forget everything read (a configuration file changed). */
  clear(): void {
    this.layers.clear();
    this.effective.clear();
    this.isRepoRoot.clear();
  }

  forFile(file: string): Promise<EffectiveConfig> {
    return this.forDir(path.dirname(path.resolve(file)));
  }

  forDir(dir: string): Promise<EffectiveConfig> {
    let p = this.effective.get(dir);
    if (!p) this.effective.set(dir, (p = this.compute(dir)));
    return p;
  }

  private async compute(dir: string): Promise<EffectiveConfig> {
    if (this.options.explicit) {
      const file = path.resolve(this.options.explicit);
      const loaded = (await loadConfigFile(file, this.options.rules)) ?? {
        file,
        errors: [{ file, message: 'no such file', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
      };
      return merge([layerOf(path.dirname(file), loaded)]);
    }
    const found: Layer[] = [];
    const stops = new Set((this.options.stopAt?.() ?? []).map((d) => path.resolve(d)));
    for (let d = dir; ; ) {
      const layer = await this.layerOf(d);
      if (layer) found.unshift(layer);
      if (layer?.loaded.config?.root || stops.has(d) || (await this.repoRoot(d))) break;
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    return merge(found);
  }

  private layerOf(dir: string): Promise<Layer | undefined> {
    let p = this.layers.get(dir);
    if (!p) {
      p = (async () => {
        for (const name of CONFIG_NAMES) {
          const loaded = await loadConfigFile(path.join(dir, name), this.options.rules);
          if (loaded) return layerOf(dir, loaded);
        }
        return undefined;
      })();
      this.layers.set(dir, p);
    }
    return p;
  }

  private repoRoot(dir: string): Promise<boolean> {
    let p = this.isRepoRoot.get(dir);
    if (!p) {
      p = open(path.join(dir, '.git'), 'r').then(
        async (h) => (await h.close(), true),
        (err: NodeJS.ErrnoException) => err.code === 'EISDIR',
      );
      this.isRepoRoot.set(dir, p);
    }
    return p;
  }
}

function layerOf(dir: string, loaded: LoadedConfig): Layer {
  const patterns = loaded.config?.ignore;
  // The same .gitignore semantics as the folder walk (one policy for the walk and the configuration).
  return { dir, loaded, ig: patterns?.length ? IgnoreRules.compile(patterns.join('\n')) : undefined };
}

function merge(layers: Layer[]): EffectiveConfig {
  const out = emptyConfig();
  const ignores: Layer[] = [];
  for (const layer of layers) {
    out.files.push(slash(layer.loaded.file));
    out.errors.push(...layer.loaded.errors);
    const c = layer.loaded.config;
    if (!c) continue;
    const abs = (p: string) => slash(path.resolve(layer.dir, p));
    if (c.today) out.today = c.today;
    if (c.baseline) out.baseline = abs(c.baseline);
    for (const [key, setting] of Object.entries(c.rules ?? {})) {
      // A nearer file that sets a family (or `*`) sets it for its folder: the outer files' ids under it give way.
      for (const outer of Object.keys(out.rules)) if (key === '*' || (!key.includes('/') && outer.startsWith(key + '/'))) delete out.rules[outer];
      out.rules[key] = setting;
    }
    out.schemas.push(...(c.schemas ?? []).map(abs));
    out.catalogs.push(...(c.catalogs ?? []).map(abs));
    out.codeLists.push(...(c.codeLists ?? []).map(abs));
    out.fhirPackages.push(...(c.fhir?.packages ?? []).map(abs));
    for (const [glob, urls] of Object.entries(c.fhir?.profiles ?? {})) {
      // A glob with a folder part is anchored at the configuration's folder; a bare name matches anywhere below.
      const key = glob.includes('/') ? `${slash(layer.dir)}/${glob.replace(/^\.?\//, '')}` : glob;
      out.fhirProfiles[key] = ([] as string[]).concat(urls);
    }
    if (layer.ig) ignores.push(layer);
  }
  out.ignores = (file: string) =>
    ignores.some((l) => {
      const rel = slash(path.relative(l.dir, file));
      return !!rel && !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel) && l.ig!.ignoresFile(rel);
    });
  return out;
}

/**
 * The engine settings with a project configuration applied. The configuration names what the team
 * shares: its rule severities win over the editor's, its folders join the editor's. In an untrusted
 * workspace the folders it names are not used (the same limit as workspace settings).
 */
export function withProjectConfig(settings: Settings, config: EffectiveConfig, trusted: boolean): Settings {
  if (!config.files.length) return settings;
  return {
    ...settings,
    rules: { ...settings.rules, ...config.rules },
    ...(trusted
      ? {
          schemaPaths: [...settings.schemaPaths, ...config.schemas],
          catalogs: [...settings.catalogs, ...config.catalogs],
          fhirPackagePaths: [...settings.fhirPackagePaths, ...config.fhirPackages],
          fhirProfiles: { ...(settings.fhirProfiles ?? {}), ...config.fhirProfiles },
          codeListPaths: [...(settings.codeListPaths ?? []), ...config.codeLists],
        }
      : {}),
  };
}
