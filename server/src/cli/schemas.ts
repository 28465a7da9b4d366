// `nhn-lint schemas fetch|list`: every pinned NHN schema into the download cache at once (workshops,
// offline CI), and a listing of what the cache holds. Exit codes as for linting: 0 all well, 1 when a
// schema could not be fetched or verified (the ones that could are kept), 2 on bad usage. Output goes
// through the CLI's guarded stdout/stderr (cli/guard-output.ts), like every other line nhn-lint prints.

import { parseArgs } from 'node:util';
import { SchemaCache } from '../host/schema-cache';
import { fetchAllSchemas, listCache, type FetchOutcome } from '../host/schema-fetch-all';
import type { Language } from '../../../shared/messages';
import { cliMessages } from './messages';

export const SCHEMAS_USAGE = `Usage: nhn-lint schemas fetch [options]
       nhn-lint schemas list [options]

fetch   download every NHN schema the catalog pins (sha256-verified) into the cache, so later runs
        with --allow-downloads validate offline; a file that fails is reported, the others are kept
list    show which pinned schemas the cache holds (each copy re-verified by its sha256)

Options:
      --cache-dir DIR            the download cache (default: NHN_CACHE_DIR or the user's cache folder)
      --schema-mirror URL        fetch from this mirror ({sha256}/{name} template or base URL)
  -f, --format text|json         output format of 'list' (default: text)
      --lang en|nb               message language (default: en)
  -q, --quiet                    no progress, only failures and the summary
  -h, --help                     this help`;

/** A status word of a schema line, padded so the labels after it line up. */
const status = (lang: Language, key: 'schema-fetched' | 'schema-cached' | 'schema-failed' | 'schema-missing') => cliMessages.text(lang, key).padEnd(7);

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'cache-dir': { type: 'string' },
      'schema-mirror': { type: 'string' },
      format: { type: 'string', short: 'f', default: 'text' },
      lang: { type: 'string', default: 'en' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { values, action: 'help' as const };
  const [action, ...extra] = positionals;
  if (action !== 'fetch' && action !== 'list')
    throw new UsageError(action ? `unknown schemas command '${action}' (fetch or list)` : 'schemas needs a command: fetch or list');
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format '${values.format}' (text or json)`);
  if (values.lang !== 'en' && values.lang !== 'nb') throw new UsageError(`unknown language '${values.lang}' (en or nb)`);
  return { values, action };
}

function line(outcome: FetchOutcome, lang: Language): string {
  const what = `${outcome.schema.label.padEnd(44)} ${outcome.schema.name}`;
  if (outcome.ok) return `${status(lang, outcome.fetched ? 'schema-fetched' : 'schema-cached')}  ${what}`;
  return `${status(lang, 'schema-failed')}  ${what}: ${outcome.kind === 'mismatch' ? `sha256 ${outcome.detail}` : outcome.detail}`;
}

export async function schemasMain(argv: string[]): Promise<number> {
  let opts;
  try {
    opts = parse(argv);
  } catch (err) {
    process.stderr.write(`nhn-lint: ${(err as Error).message}\n\n${SCHEMAS_USAGE}\n`);
    return 2;
  }
  const { values, action } = opts;
  if (action === 'help') {
    process.stdout.write(SCHEMAS_USAGE + '\n');
    return 0;
  }
  const lang = values.lang as Language;
  const cache = new SchemaCache(values['cache-dir']);

  if (action === 'list') {
    const listing = await listCache(cache);
    const have = listing.pinned.filter((p) => p.path).length;
    if (values.format === 'json') {
      const pinned = listing.pinned.map((p) => ({
        label: p.schema.label,
        namespaces: p.schema.namespaces,
        file: p.schema.name,
        sha256: p.schema.pin.sha256,
        url: p.schema.pin.url,
        cached: p.path ?? null,
      }));
      process.stdout.write(
        JSON.stringify({ folder: listing.folder, cached: have, total: pinned.length, pinned, locations: listing.locations }, null, 2) + '\n',
      );
      return 0;
    }
    for (const p of listing.pinned)
      process.stdout.write(`${status(lang, p.path ? 'schema-cached' : 'schema-missing')}  ${p.schema.label.padEnd(44)} ${p.schema.name}\n`);
    for (const l of listing.locations) process.stdout.write(`${cliMessages.text(lang, 'schemas-location')}: ${l.url}\n`);
    process.stdout.write(cliMessages.text(lang, 'schemas-held', have, listing.pinned.length, listing.folder) + '\n');
    return 0;
  }

  // Progress goes to stderr (one line per file), the summary to stdout: a CI log shows both.
  const outcomes = await fetchAllSchemas(cache, {
    mirror: values['schema-mirror'],
    onOutcome: (o, done, total) => {
      if (!o.ok || !values.quiet) process.stderr.write(`[${String(done).padStart(String(total).length)}/${total}] ${line(o, lang)}\n`);
    },
  });
  const failed = outcomes.filter((o) => !o.ok).length;
  const fetched = outcomes.filter((o) => o.ok && o.fetched).length;
  process.stdout.write(cliMessages.text(lang, 'schemas-summary', outcomes.length, fetched, outcomes.length - fetched - failed, failed, cache.folder) + '\n');
  if (failed) process.stdout.write(cliMessages.text(lang, 'schemas-kept') + '\n');
  return failed ? 1 : 0;
}
