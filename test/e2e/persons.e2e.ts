// The test-person picker in code-server with the packaged extension, as a vendor uses it: replace a
// PREG test person through the quick fix with a person from the bundled catalog, and insert the team's
// own reserved person (from .nhn/testpersons.yaml) at the cursor as a string literal.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionOf } from '../helpers/engine';
import { makeNin } from '../helpers/nin';
import { ROOT, startCodeServer, type CodeServer } from './code-server';
import { launchBrowser, until, Workbench } from './workbench';

const TEAM_PERSON = makeNin(9, 77, 1, 640); // SyntPop reserved (month + 65), made up here

describe('the test-person picker in code-server', () => {
  let server: CodeServer;
  let browser: Browser;
  let wb: Workbench;
  let workspace: string;

  beforeAll(async () => {
    workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'nhn-e2e-persons-')), 'examples');
    cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    mkdirSync(path.join(workspace, '.nhn'));
    writeFileSync(path.join(workspace, '.nhn/testpersons.yaml'), `persons:\n  - nin: "${TEAM_PERSON}"\n    name: TEAMETS RESERVERTE\n    children: 0\n`);
    server = await startCodeServer();
    browser = await launchBrowser();
    wb = await Workbench.open(browser, server.url, workspace, 'persons');
  });

  afterAll(async () => {
    await wb?.close();
    await browser?.close();
    await server?.close();
    if (workspace) rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  const input = () => wb.page.locator('.quick-input-widget input');
  const row = (text: string) => wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();

  /** Types into the open quick input and accepts the row that shows `text`. */
  async function choose(typed: string, text: string): Promise<void> {
    await input().waitFor({ state: 'visible' });
    await input().fill(typed);
    await row(text).waitFor({ state: 'visible', timeout: 30_000 });
    await row(text).click();
  }

  it('replaces a PREG test person with a catalog person through the quick fix', async () => {
    const file = 'testdata/patients.csv';
    await wb.step('open the CSV and wait for the PREG finding', async () => {
      await wb.openFile(file);
      await wb.waitForProblem(['nin/preg-test-person']);
    });
    await wb.step('quick fix: Replace with a SyntPop person…', async () => {
      const p = positionOf(readFileSync(path.join(workspace, file), 'utf8'), '13116900216');
      await wb.goTo(p.line + 1, p.character + 1);
      await wb.quickFix('Replace with a SyntPop person');
    });
    await wb.step('this occurrence, then LAV FELL from the catalog', async () => {
      await choose('', 'This occurrence');
      await choose('lav fell', 'LAV FELL');
    });
    await wb.step('the number is replaced', async () => {
      await wb.save();
      const saved = await until(
        async () => readFileSync(path.join(workspace, file), 'utf8'),
        (t) => !t.includes('13116900216'),
        'the replaced number on disk',
        10_000,
      );
      expect(saved).toContain('Line Danser;22875298279;PREG-era test person');
    });
  });

  it("inserts the team's own person at the cursor as a string literal", async () => {
    const file = 'java/src/test/java/no/example/lab/PatientFixtures.java';
    await wb.step('open the Java file and start a new constant', async () => {
      await wb.openFile(file);
      const p = positionOf(readFileSync(path.join(workspace, file), 'utf8'), '\n\n    // Not identity numbers');
      await wb.goTo(p.line + 2, 1);
      await wb.page.keyboard.type('    static final String TEAM = ');
    });
    await wb.step('NHN: Insert SyntPop test person, as a string literal', async () => {
      await wb.command('NHN: Insert SyntPop test person');
      // Asked once: a retry finds the format already remembered and goes straight to the persons.
      const format = row('String literal');
      if (
        await format.waitFor({ state: 'visible', timeout: 5000 }).then(
          () => true,
          () => false,
        )
      )
        await format.click();
    });
    await wb.step('the picker lists the catalog and the team file, labelled, numbers masked', async () => {
      await input().fill('');
      await row('TEAMETS RESERVERTE').waitFor({ state: 'visible', timeout: 30_000 });
      const rows = await wb.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
      const text = rows.join('\n');
      expect(text).toContain('RELEVANT MILJØGIFT');
      expect(text).toContain('SyntPop catalog');
      expect(text).toContain('team file');
      expect(text).toContain(`${TEAM_PERSON.slice(0, 6)}*****`);
      expect(text).not.toContain(TEAM_PERSON);
      await choose('reserverte', 'TEAMETS RESERVERTE');
    });
    await wb.step('the literal is in the file', async () => {
      await wb.save();
      const saved = await until(
        async () => readFileSync(path.join(workspace, file), 'utf8'),
        (t) => t.includes(TEAM_PERSON),
        'the inserted person on disk',
        10_000,
      );
      expect(saved).toContain(`static final String TEAM = "${TEAM_PERSON}"`);
    });
  });

  it("filters with SyntPop's filters from the funnel button; the words show in the search line", async () => {
    await wb.step('open the picker and its filter dialog', async () => {
      await wb.openFile('testdata/patients.csv');
      await wb.command('NHN: Insert SyntPop test person');
      const format = row('String literal');
      if (
        await format.waitFor({ state: 'visible', timeout: 5000 }).then(
          () => true,
          () => false,
        )
      )
        await format.click();
      await row('RELEVANT MILJØGIFT').waitFor({ state: 'visible', timeout: 30_000 });
      await wb.page.locator('.quick-input-widget .quick-input-titlebar [aria-label="Filters…"]').first().click();
    });
    await wb.step('tick "67 years or older" and accept', async () => {
      await row('67 years or older').waitFor({ state: 'visible', timeout: 30_000 });
      await row('67 years or older').click();
      await wb.page.keyboard.press('Enter');
    });
    await wb.step('back in the picker: 67- in the line, only the persons aged 67 or more', async () => {
      await until(
        () => input().inputValue(),
        (v) => v === '67-',
        'the filter word in the search line',
      );
      const rows = await until(
        async () => (await wb.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).join('\n'),
        (t) => t.includes('LAV FELL') && !t.includes('RELEVANT MILJØGIFT'),
        'only the older persons listed',
      );
      expect(rows).toContain('ALLSIDIG LUKT');
      await wb.escape();
    });
  });
});
