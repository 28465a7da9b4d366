// "Fix all NHN findings in this file" on save: a workspace that sets
// `"editor.codeActionsOnSave": { "source.fixAll.nhn": "explicit" }`, a file edited and saved with
// Ctrl+S, and the file on disk compared with the text a person expects: every certain fix applied,
// the uncertain finding and everything else untouched. Where the setting is "never", saving changes
// nothing but the person's own edit.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionOf } from '../helpers/engine';
import { startCodeServer, type CodeServer } from './code-server';
import { findingsOf, launchBrowser, until, Workbench } from './workbench';

const CLIENT = 'HelseIdLabClient.cs';
const CLIENT_BEFORE = `using System.Collections.Generic;
using System.Security.Claims;

namespace Example.Epj;

/// Fetches lab results with a HelseID client assertion.
public sealed class HelseIdLabClient
{
    private const string LabResults = "https://prod.nilar.nhn.no/api/v1/labresults";
    private const string LabResultsTest = "https://test.nilar.nhn.no/api/v1/labresults";

    // HelseID client assertion
    public Dictionary<string, object> Header() => new() { { "typ", "JWT" } };

    public Claim Audience() => new Claim(JwtRegisteredClaimNames.Aud, "https://helseid-sts.nhn.no/connect/token");

    // HelseID login
    public Dictionary<string, string> Pkce() => new() { ["code_challenge_method"] = "plain" };

    public CS MessageType() => new CS { V = "DIALOG_NOTAT", DN = "Notat" };
}
`;
// The person's edit (a comment line, which moves every finding down a line) and the five
// certain fixes; DIALOG_NOTAT is only a suggestion (an unverified rule), so it stays.
const CLIENT_AFTER = `using System.Collections.Generic;
using System.Security.Claims;

namespace Example.Epj;
// Kept apart from the EPJ core.

/// Fetches lab results with a HelseID client assertion.
public sealed class HelseIdLabClient
{
    private const string LabResults = "https://pps.nhn.no/api/v1/labresults";
    private const string LabResultsTest = "https://test.pps.nhn.no/api/v1/labresults";

    // HelseID client assertion
    public Dictionary<string, object> Header() => new() { { "typ", "client-authentication+jwt" } };

    public Claim Audience() => new Claim(JwtRegisteredClaimNames.Aud, "https://helseid-sts.nhn.no");

    // HelseID login
    public Dictionary<string, string> Pkce() => new() { ["code_challenge_method"] = "S256" };

    public CS MessageType() => new CS { V = "DIALOG_NOTAT", DN = "Notat" };
}
`;
const CERTAIN_RULES = ['host/nilar', 'api/helseid-assertion-typ', 'api/helseid-assertion-aud', 'api/helseid-pkce-plain'];
const UNCERTAIN_RULE = 'message-type/dialog-notat';

const PROPERTIES = 'lab.properties';
const PROPERTIES_BEFORE = '# Lab result endpoints\nlab.test=https://test.nilar.nhn.no/fhir\nlab.prod=https://prod.nilar.nhn.no/fhir\n';
const PROPERTIES_EDITED = '# Old Lab result endpoints\nlab.test=https://test.nilar.nhn.no/fhir\nlab.prod=https://prod.nilar.nhn.no/fhir\n';
const PROPERTIES_FIXED = '# Old Lab result endpoints\nlab.test=https://test.pps.nhn.no/fhir\nlab.prod=https://pps.nhn.no/fhir\n';

describe('the extension in code-server: source.fixAll.nhn in editor.codeActionsOnSave', () => {
  let server: CodeServer;
  let browser: Browser;
  let wb: Workbench;
  let workspace: string;

  beforeAll(async () => {
    workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'nhn-e2e-fix-')), 'epj');
    mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    // What a team checks in: fix on explicit save everywhere, but not in .properties files.
    writeFileSync(
      path.join(workspace, '.vscode/settings.json'),
      JSON.stringify(
        { 'editor.codeActionsOnSave': { 'source.fixAll.nhn': 'explicit' }, '[properties]': { 'editor.codeActionsOnSave': { 'source.fixAll.nhn': 'never' } } },
        null,
        2,
      ),
    );
    writeFileSync(path.join(workspace, CLIENT), CLIENT_BEFORE);
    writeFileSync(path.join(workspace, PROPERTIES), PROPERTIES_BEFORE);
    server = await startCodeServer();
    browser = await launchBrowser();
    wb = await Workbench.open(browser, server.url, workspace, 'fix-on-save');
  });

  afterAll(async () => {
    await wb?.close();
    await browser?.close();
    await server?.close();
    if (workspace) rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  function onDisk(file: string): string {
    return readFileSync(path.join(workspace, file), 'utf8');
  }

  /** Go to Line's 1-based position of `needle` in the file as it is on disk. */
  function where(file: string, needle: string): [number, number] {
    const p = positionOf(onDisk(file), needle);
    return [p.line + 1, p.character + 1];
  }

  it('applies every certain fix on Ctrl+S, and nothing else', async () => {
    await wb.step('a C# file with certain fixes and one suggestion', async () => {
      // Back to the start, so a retry begins where the first attempt did.
      await wb.closeAllEditors();
      writeFileSync(path.join(workspace, CLIENT), CLIENT_BEFORE);
      await wb.openFile(CLIENT);
      const rows = await until(
        async () => findingsOf(await wb.problems(), CLIENT),
        (r) => [...CERTAIN_RULES, UNCERTAIN_RULE].every((rule) => r.some((row) => row.includes(rule))),
        `Problems rows for ${CLIENT}`,
      );
      expect(rows.filter((r) => r.includes('host/nilar'))).toHaveLength(2);
    });
    await wb.step('edit, then save with Ctrl+S', async () => {
      // A comment line above every finding, Enter last and Ctrl+S at once: the fixes must be computed
      // for the text being saved, not taken from the findings last published (one line higher).
      await wb.goTo(where(CLIENT, '/// Fetches')[0] - 1, 1); // the empty line after the namespace
      await wb.page.keyboard.type('// Kept apart from the EPJ core.');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.press('Control+s');
      await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
      // The save participant runs before the write: what is on disk now is final.
      expect(onDisk(CLIENT)).toBe(CLIENT_AFTER);
    });
    await wb.step('only the suggestion is left in the Problems panel', async () => {
      const rows = await until(
        async () => findingsOf(await wb.problems(), CLIENT),
        (r) => r.length === 1,
        `one Problems row for ${CLIENT}`,
      );
      expect(rows[0]).toContain(UNCERTAIN_RULE);
    });
  });

  it('saves only the edit where the setting is "never"; Fix All still offers the fixes', async () => {
    await wb.step('a properties file with retired NILAR hosts', async () => {
      await wb.closeAllEditors();
      writeFileSync(path.join(workspace, PROPERTIES), PROPERTIES_BEFORE);
      await wb.openFile(PROPERTIES);
      await until(
        async () => findingsOf(await wb.problems(), PROPERTIES),
        (r) => r.filter((row) => row.includes('host/nilar')).length === 2,
        `two host/nilar rows for ${PROPERTIES}`,
      );
    });
    await wb.step('edit, then save with Ctrl+S: no fix', async () => {
      await wb.goTo(...where(PROPERTIES, 'Lab'));
      await wb.page.keyboard.type('Old ');
      await wb.save();
      expect(onDisk(PROPERTIES)).toBe(PROPERTIES_EDITED);
      // Still listed once the server has the saved text.
      await until(
        async () => findingsOf(await wb.problems(), PROPERTIES),
        (r) => r.filter((row) => row.includes('host/nilar') && row.includes('Ln 3')).length === 1,
        `host/nilar on line 3 of ${PROPERTIES}`,
      );
    });
    await wb.step('Fix All, then save', async () => {
      // The same action on request (VS Code's Fix All applies a single source.fixAll action at once):
      // the setting, not a missing action, kept the save from fixing.
      await wb.command('Fix All');
      await wb.save();
      expect(onDisk(PROPERTIES)).toBe(PROPERTIES_FIXED);
      await until(
        async () => findingsOf(await wb.problems(), PROPERTIES),
        (r) => r.length === 0,
        `no Problems rows for ${PROPERTIES}`,
      );
    });
  });
});
