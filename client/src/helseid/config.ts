// From the user's settings and stored key to a ready HelseIdClient. Pure Node (the VS Code glue passes
// the settings and the secret in), so it is tested without VS Code. The key comes from VS Code's secret
// storage when set there, else from the JWK file the setting points at; the client id and scopes fall back
// to the ones in a downloaded client definition.

import { createHash } from 'node:crypto';
import { readTextFile } from '../../../shared/read-file';
import { homedir } from 'node:os';
import path from 'node:path';
import { HelseIdClient } from './client';
import { HelseIdError } from './errors';
import { parseKeyFile } from './key';
import { HELSEID_ISSUERS, DEFAULT_PERSONTJENESTEN_SCOPE, type HelseIdEnvironment } from './environments';

export interface HelseIdSettings {
  environment: HelseIdEnvironment;
  clientId: string;
  jwkPath: string;
  scopes: string[];
}

export async function resolveClient(settings: HelseIdSettings, storedKey: string | undefined, issuerOverride?: string): Promise<HelseIdClient> {
  const keyText = storedKey ?? (settings.jwkPath ? await readKeyFile(settings.jwkPath) : undefined);
  if (!keyText) throw new HelseIdError('not-configured', ['no key']);
  const file = await parseKeyFile(keyText);
  const clientId = settings.clientId.trim() || file.clientId;
  if (!clientId) throw new HelseIdError('not-configured', ['no client id']);
  const scopes = settings.scopes.filter(Boolean).length ? settings.scopes.filter(Boolean) : file.scopes?.length ? file.scopes : [DEFAULT_PERSONTJENESTEN_SCOPE];
  const issuer = issuerOverride ?? HELSEID_ISSUERS[settings.environment] ?? HELSEID_ISSUERS.test;
  return new HelseIdClient({ issuer, clientId, key: file.key, scopes });
}

async function readKeyFile(jwkPath: string): Promise<string> {
  const resolved = jwkPath.startsWith('~') ? path.join(homedir(), jwkPath.slice(1)) : jwkPath;
  try {
    // A key file is small: a regular file of at most 1 MB (a FIFO or a device named in the setting is refused, not read).
    return await readTextFile(resolved, 1024 * 1024);
  } catch {
    throw new HelseIdError('key-unreadable', [jwkPath]);
  }
}

/** A fingerprint of what the client is made from, to rebuild it (and drop its token) when that changes. */
export function settingsFingerprint(settings: HelseIdSettings, storedKey: string | undefined): string {
  return JSON.stringify([settings, storedKey ? createHash('sha256').update(storedKey).digest('hex') : '']);
}
