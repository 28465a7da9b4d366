// File access the engine's checks may use, provided by the host process (server or CLI).
// Checks never import `fs`; they ask through these resolvers so tests can pass their own.

import { readFile } from 'node:fs/promises';
import type { Resolvers } from '../engine/types';

export function createResolvers(): Resolvers {
  return {
    async readFile(path: string) {
      try {
        return await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
