// The same server over node IPC (how the VS Code client starts it).
import { fork } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import {
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { SERVER } from '../helpers/lsp';

describe('language server over node IPC', () => {
  it('initializes and publishes diagnostics', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    try {
      const init = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        initializationOptions: { settings: { today: '2026-11-26' } },
      });
      expect(init.serverInfo?.name).toBe('nhn-integrator');
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: 'file:///w/app.properties', languageId: 'properties', version: 1, text: 'lab=https://test.nilar.nhn.no\n' },
      });
      const p = await published;
      expect(p.diagnostics.map((d) => d.code)).toEqual(['host/nilar']);
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
