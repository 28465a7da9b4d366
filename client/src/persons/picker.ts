// `NHN: Insert SyntPop test person` (nhn.insertTestPerson): a QuickPick over the registered person
// sources. From the palette it inserts the picked person at the cursor in the remembered format; from
// the `nin` quick fix it replaces the flagged number (this occurrence, the file, or the workspace).
// The logic lives in the pure modules beside this one; this file is only the VS Code wiring.

import * as vscode from 'vscode';
import type { TestPerson } from './model';
import { parseQuery, ageOn } from './query';
import { activeFilters, FILTER_OPTIONS, withFilters, type FilterGroup } from './filters';
import { catalogPersons, ListSource } from './catalog';
import { parseTeamFile, TEAM_FILES } from './team-file';
import { personSources, createSearchSession, type MergedPerson } from './sources';
import { remember } from './recent';
import { formatPerson, defaultFormatFor, INSERT_FORMATS, type InsertFormat } from './format';
import { isReplaceRequest, numberAt, offsetAt, replacementsIn, type ReplaceRequest, type ReplaceScope } from './replace';
import { personText, type Language } from './messages';
import { maskNin } from '../../../shared/nin-classify';
import { outgoingText } from '../outgoing';
import { Commands } from '../../../shared/protocol';
import { readWorkspaceFile } from '../read-uri';

/** A team file of test persons is a few KB; anything past this is not one. */
const TEAM_FILE_MAX_BYTES = 4 * 1024 * 1024;

const RECENT_KEY = 'nhn.persons.recent';
const FORMAT_KEY = 'nhn.persons.insertFormat';

interface Deps {
  output: vscode.LogOutputChannel;
}

const language = (): Language => {
  const setting = vscode.workspace.getConfiguration('nhn').get<string>('language', 'auto');
  if (setting === 'en' || setting === 'nb') return setting;
  return /^(nb|no|nn)\b/.test(vscode.env.language) ? 'nb' : 'en';
};
const today = () => vscode.workspace.getConfiguration('nhn').get<string>('today') || new Date().toISOString().slice(0, 10);

function formatLabel(format: InsertFormat): string {
  switch (format) {
    case 'bare':
      return vscode.l10n.t('Bare number');
    case 'fhir-identifier':
      return vscode.l10n.t('FHIR Identifier (JSON)');
    case 'kith-ident':
      return vscode.l10n.t('KITH XML Ident');
    case 'string-literal':
      return vscode.l10n.t('String literal');
  }
}

/** The team file of the first workspace folder that has one, re-read when it changes. */
class TeamFile {
  private cache: { persons: TestPerson[]; message?: string } | undefined;
  constructor(private readonly output: vscode.LogOutputChannel) {}

  invalidate(): void {
    this.cache = undefined;
  }

  async load(): Promise<{ persons: TestPerson[]; message?: string }> {
    if (this.cache) return this.cache;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const name of TEAM_FILES) {
        const uri = vscode.Uri.joinPath(folder.uri, name);
        let bytes: Uint8Array;
        try {
          bytes = await readWorkspaceFile(uri, TEAM_FILE_MAX_BYTES); // a FIFO or device named like a team file is skipped
        } catch {
          continue;
        }
        const result = parseTeamFile(new TextDecoder().decode(bytes), vscode.workspace.asRelativePath(uri), language());
        for (const problem of result.problems) this.output.warn(problem);
        const note = result.problems.length
          ? vscode.l10n.t('{0}: {1} problem(s), see NHN: Show output. First: {2}', name, result.problems.length, result.problems[0])
          : undefined;
        return (this.cache = { persons: result.persons, message: note });
      }
    }
    return (this.cache = { persons: [] });
  }
}

interface PersonItem extends vscode.QuickPickItem {
  person?: MergedPerson;
}

function describePerson(p: MergedPerson): string {
  const parts: string[] = [maskNin(p.nin)];
  if (p.sex) parts.push(p.sex === 'female' ? vscode.l10n.t('female') : vscode.l10n.t('male'));
  if (p.birthDate) parts.push(vscode.l10n.t('{0} years', ageOn(p.birthDate, today())));
  if (p.children !== undefined) parts.push(vscode.l10n.t('{0} children', p.children));
  const registers = (['hpr', 'krr', 'flr'] as const).filter((r) => p.registers?.[r]).map((r) => r.toUpperCase());
  if (registers.length) parts.push(registers.join(' '));
  return parts.join(' · ');
}

/** Shows the picker; resolves with the chosen person, `change-format` (the title button), or undefined when dismissed. */
async function pickPerson(context: vscode.ExtensionContext, title: string, formatButton = false): Promise<TestPerson | 'change-format' | undefined> {
  const lang = language();
  const quickPick = vscode.window.createQuickPick<PersonItem>();
  quickPick.title = title;
  quickPick.placeholder = vscode.l10n.t('Name or number; filters: kvinne/mann, 30-50, barn, hpr, krr, flr, dnr (-krr: not in KRR)');
  quickPick.matchOnDescription = false;
  const formatBtn: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('symbol-format'), tooltip: vscode.l10n.t('Change the insert format') };
  const filterBtn: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('filter'), tooltip: vscode.l10n.t('Filters…') };
  quickPick.buttons = formatButton ? [filterBtn, formatBtn] : [filterBtn];
  const labels: Record<TestPerson['source'], string> = {
    catalog: personText(lang, 'label-catalog'),
    team: personText(lang, 'label-team'),
    live: personText(lang, 'label-live'),
  };
  const session = createSearchSession({
    sources: () => personSources.list(),
    recent: () => context.globalState.get<string[]>(RECENT_KEY, []),
    language: () => lang,
    onUpdate: ({ persons, messages, busy }) => {
      quickPick.busy = busy;
      const recent = context.globalState.get<string[]>(RECENT_KEY, []);
      const items: PersonItem[] = messages.map((m) => ({ label: m, kind: vscode.QuickPickItemKind.Separator }));
      for (const p of persons) {
        items.push({
          label: (recent.includes(p.nin) ? '$(history) ' : '') + p.name,
          description: describePerson(p),
          detail: [p.sources.map((s) => labels[s]).join(', '), p.note].filter(Boolean).join(' — '),
          alwaysShow: true,
          person: p,
        });
      }
      if (!persons.length) items.push({ label: vscode.l10n.t('No test person matches'), alwaysShow: true });
      quickPick.items = items;
    },
  });
  return new Promise((resolve) => {
    let chosen: TestPerson | 'change-format' | undefined;
    // While the filter dialog is open the picker is hidden, not done.
    let filtering = false;
    quickPick.onDidChangeValue((value) => void session.update(parseQuery(value)));
    quickPick.onDidTriggerButton(async (b) => {
      if (b === filterBtn) {
        filtering = true;
        const value = await chooseFilters(quickPick.value);
        filtering = false;
        if (value !== undefined) quickPick.value = value;
        quickPick.show();
        void session.update(parseQuery(quickPick.value));
        return;
      }
      if (b !== formatBtn) return;
      chosen = 'change-format';
      quickPick.hide();
    });
    quickPick.onDidAccept(() => {
      chosen = quickPick.selectedItems[0]?.person;
      if (chosen) quickPick.hide();
    });
    quickPick.onDidHide(() => {
      if (filtering) return;
      session.dispose();
      quickPick.dispose();
      resolve(chosen);
    });
    quickPick.show();
    void session.update(parseQuery(''));
  });
}

function filterLabel(id: string): string {
  const labels: Record<string, string> = {
    female: vscode.l10n.t('Woman'),
    male: vscode.l10n.t('Man'),
    fnr: vscode.l10n.t('Fødselsnummer'),
    dnr: vscode.l10n.t('D-number'),
    'age-0-17': vscode.l10n.t('0–17 years'),
    'age-18-39': vscode.l10n.t('18–39 years'),
    'age-40-66': vscode.l10n.t('40–66 years'),
    'age-67': vscode.l10n.t('67 years or older'),
    children: vscode.l10n.t('Has children'),
    'no-children': vscode.l10n.t('No children'),
    hpr: vscode.l10n.t('In HPR (health personnel)'),
    krr: vscode.l10n.t('In KRR (contact register)'),
    'not-krr': vscode.l10n.t('Not in KRR'),
    flr: vscode.l10n.t('Has a GP (FLR)'),
    'not-flr': vscode.l10n.t('No GP (FLR)'),
  };
  return labels[id] ?? id;
}

/** SyntPop's search filters as a checklist; resolves with the new query line, or undefined when dismissed. */
async function chooseFilters(value: string): Promise<string | undefined> {
  const groups: Record<FilterGroup, string> = {
    sex: vscode.l10n.t('Sex'),
    id: vscode.l10n.t('ID type'),
    age: vscode.l10n.t('Age'),
    children: vscode.l10n.t('Children'),
    registers: vscode.l10n.t('Registers'),
  };
  const active = activeFilters(value);
  const items: Array<vscode.QuickPickItem & { id?: string }> = [];
  for (const o of FILTER_OPTIONS) {
    if (!items.some((i) => i.label === groups[o.group])) items.push({ label: groups[o.group], kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: filterLabel(o.id), description: o.words, picked: active.includes(o.id), id: o.id });
  }
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Filter test persons'),
    placeHolder: vscode.l10n.t('Tick filters; the words appear in the search line'),
  });
  return picked && withFilters(value, picked.map((i) => i.id!).filter(Boolean));
}

async function chooseFormat(context: vscode.ExtensionContext, languageId: string): Promise<InsertFormat | undefined> {
  const current = context.globalState.get<InsertFormat>(FORMAT_KEY) ?? defaultFormatFor(languageId);
  const picked = await vscode.window.showQuickPick(
    INSERT_FORMATS.map((f) => ({ label: formatLabel(f), description: f === current ? vscode.l10n.t('current') : undefined, format: f })),
    { title: vscode.l10n.t('Insert test persons as') },
  );
  if (picked) await context.globalState.update(FORMAT_KEY, picked.format);
  return picked?.format;
}

async function insertAtCursor(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to insert a test person into.'));
    return;
  }
  // The format is chosen once and remembered; the picker's title button changes it.
  let format = context.globalState.get<InsertFormat>(FORMAT_KEY) ?? (await chooseFormat(context, editor.document.languageId));
  let person: TestPerson | 'change-format' | undefined;
  while (format) {
    person = await pickPerson(context, vscode.l10n.t('Insert SyntPop test person as {0}', formatLabel(format)), true);
    if (person !== 'change-format') break;
    format = (await chooseFormat(context, editor.document.languageId)) ?? format;
  }
  if (!format || !person || person === 'change-format') return;
  await editor.edit((edit) => {
    for (const selection of editor.selections) {
      const indent = /^\s*/.exec(editor.document.lineAt(selection.start.line).text)![0];
      edit.replace(selection, formatPerson(person, format, editor.document.languageId, indent));
    }
  });
  await context.globalState.update(RECENT_KEY, remember(context.globalState.get<string[]>(RECENT_KEY, []), person.nin));
}

const toRange = (r: ReplaceRequest['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

async function replaceFlagged(context: vscode.ExtensionContext, request: ReplaceRequest, output: vscode.LogOutputChannel): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(request.uri));
  const text = document.getText();
  const digits = numberAt(text, request.range, request.masked);
  if (!digits) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The number {0} is no longer there; run the quick fix again.', request.masked));
    return;
  }
  const inFile = replacementsIn(text, digits, digits).length;
  const scopes = request.scopes ?? ['occurrence', 'file', 'workspace'];
  const scopeItems: { label: string; scope: ReplaceScope }[] = [
    { label: vscode.l10n.t('This occurrence'), scope: 'occurrence' as const },
    { label: vscode.l10n.t('All {0} occurrences in this file', inFile), scope: 'file' as const },
    { label: vscode.l10n.t('All occurrences in the workspace'), scope: 'workspace' as const },
  ].filter((s) => scopes.includes(s.scope) && !(s.scope === 'file' && inFile < 2));
  const scope =
    scopeItems.length > 1
      ? (await vscode.window.showQuickPick(scopeItems, { title: vscode.l10n.t('Replace {0} where?', request.masked) }))?.scope
      : 'occurrence';
  if (!scope) return;
  const person = await pickPerson(context, vscode.l10n.t('Replace {0} with a SyntPop person', request.masked));
  if (!person || person === 'change-format') return;

  const edit = new vscode.WorkspaceEdit();
  const add = (uri: vscode.Uri, content: string, at?: { start: number; end: number }) => {
    for (const r of replacementsIn(content, digits, person.nin, at)) edit.replace(uri, toRange(r.range), r.newText);
  };
  if (scope === 'occurrence') add(document.uri, text, { start: offsetAt(text, request.range.start), end: offsetAt(text, request.range.end) });
  else add(document.uri, text);
  if (scope === 'workspace') {
    const files = await vscode.workspace.findFiles('**/*', '**/{node_modules,.git,dist,out,bin,obj,target}/**', 20000);
    for (const uri of files) {
      if (uri.toString() === document.uri.toString()) continue;
      try {
        const bytes = await readWorkspaceFile(uri, 20 * 1024 * 1024);
        if (bytes.subarray(0, 8192).includes(0)) continue;
        const content = new TextDecoder().decode(bytes);
        if (content.includes(digits.slice(0, 6))) add(uri, (await vscode.workspace.openTextDocument(uri)).getText());
      } catch (err) {
        output.warn(`Skipped ${vscode.workspace.asRelativePath(uri)}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  const count = edit.entries().reduce((n, [, edits]) => n + edits.length, 0);
  if (await vscode.workspace.applyEdit(edit)) {
    output.info(`Replaced ${count} occurrence(s) of ${request.masked} with ${maskNin(person.nin)} (${person.name})`);
    await context.globalState.update(RECENT_KEY, remember(context.globalState.get<string[]>(RECENT_KEY, []), person.nin));
  }
}

/** Registers the bundled catalog and team-file sources and the command. */
export function registerTestPersonPicker(context: vscode.ExtensionContext, { output }: Deps): void {
  const team = new TeamFile(output);
  const watcher = vscode.workspace.createFileSystemWatcher('**/.nhn/testpersons.{json,yaml,yml}');
  watcher.onDidChange(() => team.invalidate());
  watcher.onDidCreate(() => team.invalidate());
  watcher.onDidDelete(() => team.invalidate());
  context.subscriptions.push(
    watcher,
    personSources.register(new ListSource('catalog', personText(language(), 'label-catalog'), () => ({ persons: catalogPersons() }), today)),
    personSources.register(new ListSource('team', personText(language(), 'label-team'), () => team.load(), today)),
    vscode.commands.registerCommand(Commands.insertTestPerson, async (arg?: unknown) => {
      try {
        if (isReplaceRequest(arg)) await replaceFlagged(context, arg, output);
        else await insertAtCursor(context);
      } catch (err) {
        output.error(`nhn.insertTestPerson: ${err instanceof Error ? err.message : String(err)}`);
        void vscode.window.showErrorMessage(
          outgoingText(vscode.l10n.t('Could not insert a test person: {0}', err instanceof Error ? err.message : String(err))),
        );
      }
    }),
  );
}
