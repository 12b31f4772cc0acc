import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import { pdfText, readCsv, readXlsx, squeeze } from '../../helpers/export-readback.js';
import { call, codeOf, demoPerson, signIn } from '../../helpers/kiosk.js';
import { enrolledKiosk, rawPush } from '../../helpers/sync.js';
import { defaultPlaceId } from '../../../shared/incidents/places.js';
import { MIN, ok, report, SITE, vesselWorld } from './world.js';

interface File {
  fileName: string;
  mime: string;
  base64: string;
  contentHash: string;
  fileHash: string;
}
const bytesOf = (f: File) => new Uint8Array(Buffer.from(f.base64, 'base64'));

describe('incident exports', () => {
  it('the list reads back from XLSX and CSV, the report from its bilingual PDF, and each export is an audit row on shore; another site cannot record one', async () => {
    const world = await vesselWorld();
    const bridge = await world.kiosk('bridge');
    const fire = await report(bridge, 'high', world.now());
    const spill = await report(bridge, 'low', world.now());
    await world.advance(5 * MIN);
    const officer = await signIn(bridge, 'officer', 'vessel');
    await ok(call(bridge, 'incidents.move', { id: fire.id, to: 'triaging', reason: 'Smoke « contrôlée »' }, officer));
    await ok(
      call(
        bridge,
        'incidents.addAction',
        {
          incidentId: fire.id,
          kind: 'corrective',
          title: 'Replace the switchboard fan',
          ownerId: null,
          dueDate: '2026-11-30',
        },
        officer,
      ),
    );
    const crew = await signIn(bridge, 'crew', 'vessel');
    expect(codeOf(await call(bridge, 'incidents.exportList', { format: 'csv' }, crew))).toBe('FORBIDDEN');

    const xlsxFile = await ok<File>(call(bridge, 'incidents.exportList', { format: 'xlsx', open: true }, officer));
    const csvFile = await ok<File>(call(bridge, 'incidents.exportList', { format: 'csv', open: true }, officer));
    expect(xlsxFile.fileName).toMatch(/^incidents-open-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(csvFile.contentHash).toBe(xlsxFile.contentHash);
    const xlsx = await readXlsx(bytesOf(xlsxFile));
    const csv = readCsv(Buffer.from(csvFile.base64, 'base64').toString('utf8'));
    for (const back of [xlsx, csv]) {
      expect(back.contentHash).toBe(xlsxFile.contentHash);
      const rows = back.tables.incidents;
      expect(rows.map((r) => r.id).sort()).toEqual([fire.id, spill.id].sort());
      const row = rows.find((r) => r.id === fire.id)!;
      expect(row).toMatchObject({
        type: 'fire',
        severity: 'high',
        stage: 'triaging',
        place_en: 'Engine room',
        reporter: demoPerson('crew', 'vessel').name,
        what_happened: 'Smoke from the generator switchboard',
      });
    }
    // Numbers stay numbers in XLSX; CSV has only text.
    expect(xlsx.facts.count).toBe(2);
    expect(csv.facts.count).toBe('2');

    const pdfFile = await ok<File>(call(bridge, 'incidents.exportReport', { id: fire.id }, officer));
    expect(pdfFile.mime).toBe('application/pdf');
    const pdf = squeeze(pdfText(bytesOf(pdfFile)));
    for (const s of [
      'Incident report',
      'Rapport d’incident',
      'History and signatures / Historique et signatures',
      'High / Élevée',
      'Triaging / En tri',
      'Smoke « contrôlée »',
      // Signatures: who reported it and who moved it.
      demoPerson('crew', 'vessel').name,
      demoPerson('officer', 'vessel').name,
      'Replace the switchboard fan',
      pdfFile.contentHash,
    ])
      expect(pdf).toContain(squeeze(s));

    const audit = bridge.store.raw
      .prepare("SELECT actor_user_id, detail FROM audit_log WHERE action = 'incidents.exported' ORDER BY hlc")
      .all() as { actor_user_id: string; detail: string }[];
    expect(audit.map((r) => JSON.parse(r.detail) as Record<string, string>)).toEqual([
      {
        kind: 'incident_list',
        subject: expect.stringMatching(/-open$/),
        format: 'xlsx',
        contentHash: xlsxFile.contentHash,
        fileHash: xlsxFile.fileHash,
      },
      {
        kind: 'incident_list',
        subject: expect.stringMatching(/-open$/),
        format: 'csv',
        contentHash: csvFile.contentHash,
        fileHash: csvFile.fileHash,
      },
      {
        kind: 'incident_report',
        subject: fire.id,
        format: 'pdf',
        contentHash: pdfFile.contentHash,
        fileHash: pdfFile.fileHash,
      },
    ]);
    expect(new Set(audit.map((r) => r.actor_user_id))).toEqual(new Set([demoPerson('officer', 'vessel').id]));

    await bridge.sync!.syncNow();
    const central = await sql<{ detail: string }>`
      SELECT detail FROM audit_log WHERE action = 'incidents.exported' ORDER BY hlc`.execute(world.service.db.admin);
    expect(central.rows.map((r) => (JSON.parse(r.detail) as { format: string }).format)).toEqual([
      'xlsx',
      'csv',
      'pdf',
    ]);

    // A restaurant kiosk cannot record an export of the vessel's incident: the server checks the site.
    const { kiosk: galley } = await enrolledKiosk(world.service, 'restaurant');
    const res = pushResponse.parse(
      (
        await rawPush(world.service, galley, [
          {
            seq: 1,
            name: 'incidents.recordExport',
            version: 1,
            args: {
              auditId: newId(),
              kind: 'incident_report',
              subject: fire.id,
              format: 'pdf',
              contentHash: pdfFile.contentHash,
              fileHash: pdfFile.fileHash,
            },
            hlc: encodeHlc({ wall: world.now(), counter: 1, node: 'galley' }),
            userId: demoUserId('restaurant', 'Camille Martin'),
          },
        ])
      ).body,
    );
    expect(res.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'NOT_FOUND']]);
  });

  it('refuses a format the export does not offer and an incident of no site, naming the field, and records nothing', async () => {
    const world = await vesselWorld();
    const bridge = await world.kiosk('bridge');
    const officer = await signIn(bridge, 'officer', 'vessel');
    const bad = await call(bridge, 'incidents.exportList', { format: 'pdf' }, officer);
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad)).toContain('format');
    const badReport = await call(bridge, 'incidents.exportReport', { id: newId(), format: 'xlsx' }, officer);
    expect(codeOf(badReport)).toBe('VALIDATION_FAILED');
    expect(codeOf(await call(bridge, 'incidents.exportReport', { id: newId() }, officer))).toBe('NOT_FOUND');
    const n = bridge.store.raw
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'incidents.exported'")
      .get() as {
      n: number;
    };
    expect(n.n).toBe(0);
  });

  it('a confidential incident: its reporter and the master see and export it, an officer only counts it, and shore refuses the officer an export of it', async () => {
    const world = await vesselWorld();
    const bridge = await world.kiosk('bridge');
    const crew = await signIn(bridge, 'crew', 'vessel');
    const secret = await ok<{ id: string }>(
      call(
        bridge,
        'incidents.report',
        {
          type: 'security',
          severity: 'medium',
          placeId: defaultPlaceId(SITE, 'engine_room'),
          occurredAt: new Date(world.now()).toISOString(),
          whatHappened: 'Harassment reported by a rating',
          peopleInvolved: 'Two ratings',
          immediateActions: 'Separated the watches',
          confidential: true,
        },
        crew,
      ),
    );
    await report(bridge, 'low', world.now());

    const officer = await signIn(bridge, 'officer', 'vessel');
    const seen = await ok<{ id: string }[]>(call(bridge, 'incidents.list', { open: true }, officer));
    expect(seen.map((i) => i.id)).not.toContain(secret.id);
    expect(codeOf(await call(bridge, 'incidents.detail', { id: secret.id }, officer))).toBe('NOT_FOUND');
    expect(codeOf(await call(bridge, 'incidents.exportReport', { id: secret.id }, officer))).toBe('NOT_FOUND');
    // The dashboard and the list export still count it, without saying anything about it.
    const dash = await ok<{ open: number; byType: Record<string, number> }>(
      call(bridge, 'incidents.dashboard', {}, officer),
    );
    expect(dash.open).toBe(2);
    expect(dash.byType.security).toBe(1);
    const csv = await ok<File>(call(bridge, 'incidents.exportList', { format: 'csv' }, officer));
    const back = readCsv(Buffer.from(csv.base64, 'base64').toString('utf8'));
    expect(back.facts).toMatchObject({ count: '1', confidential_hidden: '1' });
    expect(JSON.stringify(back)).not.toContain('Harassment');

    // The reporter and the master see it.
    expect(codeOf(await call(bridge, 'incidents.detail', { id: secret.id }, crew))).toBe('OK');
    const master = await signIn(bridge, 'master', 'vessel');
    const pdf = await ok<File>(call(bridge, 'incidents.exportReport', { id: secret.id }, master));
    expect(squeeze(pdfText(bytesOf(pdf)))).toContain(squeeze('Harassment reported by a rating'));
    const masterList = await ok<File>(call(bridge, 'incidents.exportList', { format: 'csv' }, master));
    expect(readCsv(Buffer.from(masterList.base64, 'base64').toString('utf8')).facts).toMatchObject({
      count: '2',
      confidential_hidden: '0',
    });
    await bridge.sync!.syncNow();

    // A forged push: the officer's export of it, signed by another kiosk of the vessel, is refused on shore.
    const deck = await world.kiosk('deck');
    const res = pushResponse.parse(
      (
        await rawPush(world.service, deck, [
          {
            seq: 1,
            name: 'incidents.recordExport',
            version: 1,
            args: {
              auditId: newId(),
              kind: 'incident_report',
              subject: secret.id,
              format: 'pdf',
              contentHash: pdf.contentHash,
              fileHash: pdf.fileHash,
            },
            hlc: encodeHlc({ wall: world.now() + 60_000, counter: 1, node: 'deck' }),
            userId: demoPerson('officer', 'vessel').id,
          },
        ])
      ).body,
    );
    expect(res.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'NOT_FOUND']]);
  });
});
