// `node dist/helseid.js --jwk FILE --client-id ID --scope S [--issuer URL]`: gets a token the way the
// extension does and prints a masked summary, for vendors debugging their HelseID client. Exit codes:
// 0 token received, 1 HelseID or the key refused (the message says what to check), 2 bad usage.

import { readTextFileSync } from '../../../shared/read-file';
import { HelseIdClient } from './client';
import { HelseIdError } from './errors';
import { parseKeyFile } from './key';
import { HELSEID_ISSUERS, DEFAULT_PERSONTJENESTEN_SCOPE } from './environments';
import { bareIssuer } from './discovery';
import { summarizeToken, formatSummary } from './summary';

const USAGE = `Usage: helseid --jwk FILE [--client-id ID] [--scope S]... [--issuer URL] [--timeout SECONDS] [--json]
  --jwk FILE        the client's private JWK, or the client definition downloaded from HelseID selvbetjening
  --client-id ID    the HelseID client id (default: the one in the file)
  --scope S         a scope to ask for, repeatable (default: the file's, else ${DEFAULT_PERSONTJENESTEN_SCOPE})
  --issuer URL      HelseID issuer (default: the test environment, ${HELSEID_ISSUERS.test})
  --timeout SECONDS longest wait for one request (default 10)
  --json            print the summary as JSON`;

interface Args {
  jwk?: string;
  clientId?: string;
  scopes: string[];
  issuer?: string;
  timeout?: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { scopes: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    try {
      if (flag === '--jwk') args.jwk = value();
      else if (flag === '--client-id') args.clientId = value();
      else if (flag === '--scope') args.scopes.push(...value().split(/\s+/).filter(Boolean));
      else if (flag === '--issuer') args.issuer = value();
      else if (flag === '--timeout') args.timeout = Number(value());
      else if (flag === '--json') args.json = true;
      else if (flag === '--help' || flag === '-h') return USAGE;
      else return `Unknown option ${flag}\n${USAGE}`;
    } catch (err) {
      return `${(err as Error).message}\n${USAGE}`;
    }
  }
  if (!args.jwk) return `--jwk is required\n${USAGE}`;
  if (args.timeout !== undefined && !(args.timeout > 0)) return `--timeout must be a positive number\n${USAGE}`;
  return args;
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    (args === USAGE ? process.stdout : process.stderr).write(`${args}\n`);
    return args === USAGE ? 0 : 2;
  }
  try {
    let text: string;
    try {
      text = readTextFileSync(args.jwk!, 1024 * 1024);
    } catch {
      throw new HelseIdError('key-unreadable', [args.jwk!]);
    }
    const file = await parseKeyFile(text);
    const clientId = args.clientId ?? file.clientId;
    if (!clientId) throw new HelseIdError('not-configured', ['no --client-id, and the file names none']);
    const issuer = bareIssuer(args.issuer ?? file.authority ?? HELSEID_ISSUERS.test);
    const scopes = args.scopes.length ? args.scopes : file.scopes?.length ? file.scopes : [DEFAULT_PERSONTJENESTEN_SCOPE];
    const client = new HelseIdClient({ issuer, clientId, key: file.key, scopes, timeoutMs: (args.timeout ?? 10) * 1000 });
    const token = await client.getToken();
    const summary = summarizeToken(token, file.key, { clientId, issuer, skew: client.clock.skewSeconds });
    process.stdout.write(args.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
    return 0;
  } catch (err) {
    const message = err instanceof HelseIdError ? err.message : `Unexpected failure: ${err instanceof Error ? err.name : 'unknown'}`;
    process.stderr.write(`helseid: ${message}\n`);
    return 1;
  }
}
