// The server's one output boundary: every message it sends (diagnostics, hovers, code actions,
// completions, log and show-message notifications, error replies of a handler that threw) passes
// this writer, which masks identity numbers and cuts long values (shared/outgoing.ts). Its
// stderr (what the editor shows in the output channel) passes the same filter. Document URIs and the
// text an edit inserts go through as they are (see VERBATIM_KEYS).

import {
  createServerPipeTransport,
  createServerSocketTransport,
  Emitter,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageWriter,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { outgoingJson } from '../engine';
import { guardStream } from '../host/outgoing-streams';

/** Passes each message through `outgoingJson` before the real writer sends it. */
export class OutgoingWriter implements MessageWriter {
  private readonly errors = new Emitter<[Error, Message | undefined, number | undefined]>();
  private readonly closes = new Emitter<void>();
  readonly onError = this.errors.event;
  readonly onClose = this.closes.event;

  constructor(private readonly inner: MessageWriter) {
    inner.onError((e) => this.errors.fire(e));
    inner.onClose(() => this.closes.fire());
  }

  write(msg: Message): Promise<void> {
    return this.inner.write(outgoingJson(msg));
  }

  end(): void {
    this.inner.end();
  }

  dispose(): void {
    this.inner.dispose();
    this.errors.dispose();
    this.closes.dispose();
  }
}

export interface Transport {
  /** A stream for stdio (so the connection ends the process when the editor closes it), else a reader. */
  input: NodeJS.ReadableStream | MessageReader;
  output: MessageWriter;
  stdio: boolean;
}

/**
 * The transport the command line asks for (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`, as
 * vscode-languageserver reads them), its writer wrapped in OutgoingWriter.
 */
export function guardedTransport(argv: string[] = process.argv.slice(2)): Transport {
  guardStream(process.stderr);
  const value = (name: string) => {
    const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i < 0) return undefined;
    return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
  };
  let input: Transport['input'];
  let writer: MessageWriter;
  let stdio = false;
  if (argv.includes('--node-ipc')) {
    input = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else if (value('--socket') !== undefined) {
    [input, writer] = createServerSocketTransport(Number(value('--socket')));
  } else if (value('--pipe') !== undefined) {
    [input, writer] = createServerPipeTransport(value('--pipe')!);
  } else {
    // --stdio, and the default: an editor that names no transport talks over stdio.
    input = process.stdin;
    writer = new StreamMessageWriter(process.stdout);
    stdio = true;
  }
  return { input, output: new OutgoingWriter(writer), stdio };
}

/** With stdio the protocol owns stdout: console output goes to the editor's log (through the writer) instead. */
export function consoleToLog(log: { log(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void }): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? (a.stack ?? a.message) : JSON.stringify(a))).join(' ');
  console.log = (...args: unknown[]) => log.log(text(args));
  console.debug = (...args: unknown[]) => log.log(text(args));
  console.info = (...args: unknown[]) => log.info(text(args));
  console.warn = (...args: unknown[]) => log.warn(text(args));
  console.error = (...args: unknown[]) => log.error(text(args));
}
