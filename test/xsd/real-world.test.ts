// Real vendor messages (../shared/fixtures/real-world, MANIFEST.tsv): where NHN's schemas for every
// namespace are in the fixtures, our verdict is the manifest's (native xmllint against the upstream
// schemas), and the invalid ones are flagged on the lines the manifest names.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzed } from '../../server/src/engine/core/document';
import { documentSchemaSet } from '../../server/src/engine/xsd/check';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';
import { createHost } from '../../server/src/host/resolvers';
import { context } from '../helpers/engine';
import { FIXTURES, xsdFindings } from './helpers';

const REAL = path.resolve(FIXTURES, '../real-world');
const PATHS = ['kith-core', 'eresept', 'felleskomponenter', 'helsenorge'].map((d) => path.join(FIXTURES, d));

interface Row {
  file: string;
  verdict: string;
  detail: string;
}

const rows: Row[] = readFileSync(path.join(REAL, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .filter((c) => c[2].endsWith('.xml') && (c[7] === 'valid' || c[7] === 'invalid'))
  .map((c) => ({ file: path.join(REAL, c[1], c[2]), verdict: c[7], detail: c[8] }));

/** Messages whose namespaces all have schemas in the fixtures (the others are named, not judged). */
const JUDGED = [
  'DIALOG_INNBYGGER_RESEPTFORNYELSE.xml',
  'MetadataTestsDialogmelding11.xml',
  'example-ok.xml',
  'all-data.xml',
  'dialog-foresporsel-samsvar-test.xml',
  'samsvar-test-message.xml',
  'ER-M21-2013-10-08-eksempel1-msghead.xml',
  'M5.2 Kvittering for tilbakekalling.xml',
  'M96 Reseptliste rekvirent.xml',
  'M271 Registrering av multidoseansvarlig lege.xml',
  'M18 Oppgjørskrav.xml',
  'M3 Søknad Legemiddelverket.xml',
  'dialogmelding_dialog_notat_dnr.xml',
  'dialogmelding_dialog_notat_pridok_bug.xml',
];

describe('real-world KITH messages against the fixture schemas', () => {
  it('covers the messages the manifest judged', () => {
    expect(
      rows
        .filter((r) => JUDGED.includes(path.basename(r.file)))
        .map((r) => path.basename(r.file))
        .sort(),
    ).toEqual([...JUDGED].sort());
  });
  for (const row of rows.filter((r) => JUDGED.includes(path.basename(r.file)))) {
    it(`${path.basename(row.file)}: ${row.verdict}`, async () => {
      const bytes = readFileSync(row.file);
      const text = new TextDecoder(/encoding="ISO-8859-1"/i.test(bytes.subarray(0, 100).toString('latin1')) ? 'windows-1252' : 'utf-8').decode(bytes);
      const ctx = context({ host: { ...createHost(), xsd: new LibxmlXsdService() }, settings: { schemaPaths: PATHS } });
      expect(await documentSchemaSet(analyzed({ uri: row.file, languageId: 'xml', text }), ctx)).toBeDefined();
      const errors = (await xsdFindings(text, row.file, PATHS)).filter((f) => f.severity === 'error');
      if (row.verdict === 'valid') {
        expect(errors.map((f) => f.message)).toEqual([]);
      } else {
        const lines = [...row.detail.matchAll(/line (\d+):/g)].map((m) => Number(m[1]));
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(errors.map((f) => f.range.start.line + 1)).toContain(line);
      }
    });
  }
});
