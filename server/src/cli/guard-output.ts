// Imported first by the CLI: from here on nothing it prints (any format, notices, usage errors, an
// internal error's stack) carries a whole identity number (host/outgoing-streams.ts).

import { guardStream } from '../host/outgoing-streams';

guardStream(process.stdout);
guardStream(process.stderr);

// A reader that stops early (`nhn-lint … | head`) closes the pipe: end quietly with the exit code the run
// earned, as Unix tools do, instead of an unhandled EPIPE and its stack.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});
