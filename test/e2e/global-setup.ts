// Installs code-server (first run: about two minutes of npm and native builds) before any e2e file
// starts, asynchronously: a synchronous install inside a test worker would block its event loop and
// vitest would lose the worker's RPC ("Timeout calling onTaskUpdate").

import { spawn } from 'node:child_process';
import path from 'node:path';

export default async function setup(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('bash', [path.join(__dirname, 'install-code-server.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`install-code-server.sh exited with ${code}`))));
  });
}
