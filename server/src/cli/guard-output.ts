// Imported first by the CLI: from here on nothing it prints (any format, notices, usage errors, an
// internal error's stack) carries a whole identity number (host/outgoing-streams.ts).

import { guardStream } from '../host/outgoing-streams';

guardStream(process.stdout);
guardStream(process.stderr);
