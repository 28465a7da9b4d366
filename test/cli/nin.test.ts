// The nin check through the built nhn-lint: what it reports on the real-world fixtures (false
// positives measured there), and that no output format ever prints a flagged number in full.

import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type JsonFinding, ROOT, runCliAsync } from '../helpers/cli';
import { decode } from '../../server/src/host/decode';
import { classifyNin } from '../../server/src/engine';

const REAL_WORLD = path.resolve(ROOT, '../shared/fixtures/real-world');
const rel = (file: string) => path.relative(REAL_WORLD, path.resolve(ROOT, file)).split(path.sep).join('/');

/** A whole-folder CLI run is a process that can take long on a loaded machine: awaited, never blocking the worker. */
const SCAN_MS = 240_000;
const scanned = new Map<string, Promise<JsonFinding[]>>();
/** The CLI's identity-number findings on `target`, run once per target for the whole file (each run is a process). */
function ninFindings(target: string): Promise<JsonFinding[]> {
  let found = scanned.get(target);
  if (!found) {
    found = runCliAsync(['--format', 'json', target], { timeoutMs: SCAN_MS }).then((r) =>
      (JSON.parse(r.stdout).findings as JsonFinding[]).filter((f) => f.rule.startsWith('nin/')),
    );
    scanned.set(target, found);
  }
  return found;
}

const EMBEDDED = 'In the base64 payload: ';

/**
 * The flagged text itself, read from the file at the finding's range. For a finding inside a base64
 * payload the flagged base64 characters are decoded, and the number in them is the flagged text.
 */
function flaggedText(f: JsonFinding): string {
  const lines = decode(readFileSync(path.resolve(ROOT, f.file))).text.split(/\r\n|\r|\n/);
  if (!f.message.startsWith(EMBEDDED)) return lines[f.line - 1].slice(f.column - 1, f.endColumn - 1);
  const span = [
    lines[f.line - 1].slice(f.column - 1, f.line === f.endLine ? f.endColumn - 1 : undefined),
    ...lines.slice(f.line, f.endLine - 1),
    ...(f.endLine > f.line ? [lines[f.endLine - 1].slice(0, f.endColumn - 1)] : []),
  ].join('');
  const decoded = Buffer.from(span.replace(/\s/g, ''), 'base64').toString('latin1');
  const masked = /(\d{6})\*{5}/.exec(f.message)?.[1] ?? '';
  return new RegExp(`${masked}\\d{5}|\\d{11}`).exec(decoded)?.[0] ?? decoded;
}

describe('nin on the real-world fixtures', () => {
  let findings: JsonFinding[] = [];
  beforeAll(async () => {
    findings = await ninFindings(REAL_WORLD);
  }, SCAN_MS);

  it('reports exactly the identity numbers there, each with the right story', () => {
    const got = findings
      .filter((f) => !f.file.endsWith('MANIFEST.tsv'))
      .map((f) => [rel(f.file), f.rule, f.message.replace(EMBEDDED, 'base64: ').slice(0, f.message.startsWith(EMBEDDED) ? 19 : 11)]);
    const preg = 'nin/preg-test-person';
    const real = 'nin/possibly-real-person';
    const notNin = 'nin/not-an-identity-number';
    const dialog = 'helsenorge/Helsenorge.Messaging/Examples/SimpleSender/DIALOG_INNBYGGER_RESEPTFORNYELSE.xml';
    const pridok = 'navikt/padm2/src/test/resources/dialogmelding_dialog_notat_pridok_bug.xml';
    const m18 = 'mjhaugsdal/eresept-java/messages/src/main/resources/Utleverer sender oppgjørskrav til Helfo/M18 Oppgjørskrav.xml';
    expect(got).toEqual([
      // The identifier, and the same number in the generated narrative (text.div, `system#value`): a miss mended in issue 19.
      ['HL7Norway/LMDI/currentbuild/Patient-Pasient-2-FNR.json', preg, '130313*****'],
      ['HL7Norway/LMDI/currentbuild/Patient-Pasient-2-FNR.json', preg, '130313*****'],
      ...Array(8).fill(['HL7Norway/NILAR/eksempler.md', preg, '120579*****']),
      ['HL7Norway/NILAR/xmlfiles/FHI_66251419-47BEDF09-3659-46F6-A1FA-6A07DEB83080_bergen.xml', preg, '120500*****'],
      ['HL7Norway/NILAR/xmlfiles/fagmelding.Svarrapport.v1.4.KANSELLERING.xml', preg, '131169*****'],
      // FHIR identifiers with the fnr system holding 7 and 6 digits
      ['HL7Norway/VkpObservation/currentbuild/Observation-vkp-glucose-create.json', notNin, '***** (not '],
      ['HL7Norway/VkpObservation/currentbuild/Observation-vkp-glucose-create.json', notNin, '***** (not '],
      ['HL7Norway/basisprofiler-r4/Examples/no-basis-Patient-Jannice-Søreng.xml', preg, '210305*****'],
      ['NorskHelsenett/Pasientens-journaldokumenter/.NET/NativeClients/SimpleRequestObjectsDemo/Program.cs', preg, '131169*****'],
      [dialog, real, '120579*****'],
      [dialog, real, '120579*****'],
      [dialog, real, '090596*****'],
      [dialog, real, '010554*****'],
      [dialog, real, '200210*****'],
      ['helsenorge/Helsenorge.Messaging/test/Helsenorge.Messaging.Tests/Files/MetadataTestsDialogmelding11.xml', preg, '131169*****'],
      ['mjhaugsdal/eresept-java/messages/src/main/resources/Diverse eksempler/ER-M21-2013-10-08-eksempel1-msghead.xml', preg, '150765*****'],
      // An M96 forwarding its M1 base64-encoded: a KITH Ident claiming FNR with wrong check digits inside
      ['mjhaugsdal/eresept-java/messages/src/main/resources/Diverse eksempler/M96-b64.xml', 'nin/invalid-check-digits', 'base64: 030165*****'],
      ...Array(5).fill([
        'mjhaugsdal/eresept-java/messages/src/main/resources/Lege endrer på legemiddelbehandling/M96 Reseptliste rekvirent.xml',
        real,
        'base64: 210146*****',
      ]),
      ['mjhaugsdal/eresept-java/messages/src/main/resources/Påmelding multidose/M271 Registrering av multidoseansvarlig lege.xml', real, '210146*****'],
      [m18, preg, '120579*****'],
      [m18, preg, '120579*****'],
      [m18, preg, '120579*****'],
      // The same M18 carries three base64-encoded messages with the same person inside
      ...Array(3).fill([m18, preg, 'base64: 120579*****']),
      ['navikt/padm2/src/test/resources/dialogmelding_dialog_notat_dnr.xml', real, '040303*****'],
      ['navikt/padm2/src/test/resources/dialogmelding_dialog_notat_dnr.xml', real, '450698*****'],
      ['navikt/padm2/src/test/resources/dialogmelding_dialog_notat_dnr.xml', real, '450886*****'],
      ...Array(4).fill([pridok, real, '010101*****']),
      // <Id> paired with <TypeId V="FNR"> in a sykmelding, holding 12345678910 and 01987654321
      ['navikt/syfosmmottak/src/test/resources/generated_sm.xml', notNin, '123456*****'],
      ['navikt/syfosmmottak/src/test/resources/generated_sm.xml', notNin, '019876*****'],
    ]);
  });

  it('flags nothing in the negative files (MANIFEST category D) and no synthetic person', () => {
    const manifest = readFileSync(path.join(REAL_WORLD, 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const negative = manifest.filter((c) => c[0] === 'D').map((c) => `${c[1].split('/')[0]}/${c[1].split('/')[1]}/${c[2]}`);
    expect(negative.length).toBeGreaterThanOrEqual(3);
    const files = new Set(findings.map((f) => rel(f.file)));
    expect(negative.filter((n) => files.has(n))).toEqual([]);
    const texts = findings.map(flaggedText);
    for (const synthetic of ['15720255178', '16858399649', '04886897869']) expect(texts).not.toContain(synthetic);
  });

  it('has no false positive: every flagged text is a valid number or sits where an identity number is claimed', () => {
    const digitRuns = new Set<string>();
    for (const f of findings) {
      const text = flaggedText(f);
      expect(text).toMatch(/^\d[\d ]*$/);
      digitRuns.add(text);
      if (f.rule === 'nin/possibly-real-person' || f.rule === 'nin/preg-test-person') expect(text.replace(' ', '')).toHaveLength(11);
    }
    // The measured rate, for the report: every finding is an identity number (or a claimed one).
    console.log(`nin on real-world: ${findings.length} findings, ${digitRuns.size} distinct values, 0 false positives`);
  });
});

describe('nin on every shared fixture (XSDs, FHIR profiles and FSH, APIs, real-world files)', () => {
  it(
    'flags only identity numbers: each a valid fødselsnummer or D-number, or a wrong value where one is claimed',
    async () => {
      const all = await ninFindings(path.resolve(ROOT, '../shared/fixtures'));
      expect(all.length).toBeGreaterThanOrEqual(42);
      for (const f of all) {
        const text = flaggedText(f).replace(' ', '');
        if (f.rule === 'nin/possibly-real-person' || f.rule === 'nin/preg-test-person') {
          expect([f.file, classifyNin(text).valid, classifyNin(text).synthetic]).toEqual([f.file, true, false]);
        } else {
          expect([f.file, f.rule]).toEqual([f.file, expect.stringMatching(/^nin\/(not-an-identity-number|invalid-check-digits)$/)]);
        }
      }
      expect(all.filter((f) => f.file.includes('nhn-schemas/'))).toEqual([]);
      console.log(`nin on all shared fixtures: ${all.length} findings, 0 on digit strings that are not identity numbers`);
    },
    SCAN_MS,
  );
});

describe('nin: no output format prints a flagged number in full', () => {
  for (const format of ['text', 'json', 'sarif']) {
    it(
      format,
      async () => {
        const flagged = new Set(
          [...(await ninFindings('examples')), ...(await ninFindings(REAL_WORLD))].map((f) => flaggedText(f).replace(' ', '')).filter((t) => t.length >= 6),
        );
        expect(flagged.size).toBeGreaterThan(10);
        const out = (await runCliAsync(['--format', format, 'examples', REAL_WORLD], { timeoutMs: SCAN_MS })).stdout;
        expect(out.length).toBeGreaterThan(1000);
        const leaked = [...flagged].filter((n) => out.includes(n));
        expect(leaked).toEqual([]);
      },
      SCAN_MS,
    );
  }
});
