import { sql } from 'kysely';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { EXPORT_FORMATS } from '../../../shared/exports/export-document.js';
import { parseContent } from '../../../shared/compliance/report-rules.js';
import { templateId } from '../../../shared/compliance/template-rows.js';
import { demoUserId } from '../../../shared/demo.js';
import { moduleId } from '../../../shared/training/content-rows.js';
import { DEMO_MODULES } from '../../../shared/training/demo-content.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import { passingAnswers } from '../../helpers/compliance-answers.js';
import { pdfText, readCsv, readXlsx, readXml, squeeze, type ReadBack } from '../../helpers/export-readback.js';
import { call, codeOf, demoPerson, makeKiosk, signIn } from '../../helpers/kiosk.js';
import { enrolledKiosk, rawPush, startService } from '../../helpers/sync.js';
import { report } from '../incidents/world.js';

const OPENING = templateId('RESTAURANT_OPENING', 1);

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>) {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error!.code}: ${r.error!.message}`);
  return r.value as T;
}

interface File {
  fileName: string;
  mime: string;
  base64: string;
  contentHash: string;
  fileHash: string;
}
interface Detail {
  report: { id: string; status: string };
  template: { code: string; version: number; contentHash: string };
  answers: Record<string, { value: string | number } | { na: true }>;
  score: { score: number; passed: boolean };
}

const bytesOf = (f: File) => new Uint8Array(Buffer.from(f.base64, 'base64'));
const textOf = (f: File) => Buffer.from(f.base64, 'base64').toString('utf8');

async function filledReport(k: Kiosk, chef: string) {
  const { id } = await ok<{ id: string }>(call(k, 'compliance.start', { templateId: OPENING }, chef));
  const content = parseContent(
    (k.store.raw.prepare('SELECT content FROM compliance_templates WHERE id = ?').get(OPENING) as { content: string })
      .content,
  );
  const answers = {
    ...passingAnswers(content),
    freezer_temp: { value: -12 },
    remarks: { value: 'Sol « glissant » & <humide>' },
  };
  for (const [itemId, value] of Object.entries(answers))
    await ok(call(k, 'compliance.answer', { reportId: id, itemId, value }, chef));
  await ok(call(k, 'compliance.sign', { reportId: id, step: 'submit', pin: '2222' }, chef));
  return id;
}

/** What every format must say about the report: template, version, hashes, score and each answer. */
function expectMatches(back: ReadBack, d: Detail, typed: boolean) {
  const v = (x: string | number | boolean) => (typed ? x : typeof x === 'boolean' ? (x ? 'yes' : 'no') : String(x));
  expect(back.facts).toMatchObject({
    report_id: d.report.id,
    template: d.template.code,
    template_version: v(d.template.version),
    template_hash: d.template.contentHash,
    status: 'submitted',
    score: v(d.score.score),
    passed: v(d.score.passed),
  });
  const answered = Object.fromEntries(
    back.tables.items.filter((r) => r.answer !== null && r.answer !== '').map((r) => [r.item, r.answer]),
  );
  expect(answered).toEqual(
    Object.fromEntries(Object.entries(d.answers).map(([k, a]) => [k, 'na' in a ? 'N/A' : v(a.value)])),
  );
  expect(back.tables.approvals.map((a) => a.step)).toEqual(['submit']);
}

describe('exporting a compliance report in every format', () => {
  it('each format reads back into the stored report, and each export is recorded with its format and hashes, on shore too', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const chef = await signIn(kiosk, 'chef');
    const id = await filledReport(kiosk, chef);
    const detail = await ok<Detail>(call(kiosk, 'compliance.report', { id }, chef));

    const files: Record<string, File> = {};
    for (const format of EXPORT_FORMATS)
      files[format] = await ok<File>(call(kiosk, 'compliance.export', { id, format }, chef));
    const hash = files.json.contentHash;
    for (const f of Object.values(files)) expect(f.contentHash).toBe(hash);
    expect(files.pdf.fileName).toBe(`RESTAURANT_OPENING-v1-${id}.pdf`);
    expect(files.xlsx.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const json = JSON.parse(textOf(files.json)) as {
      contentHash: string;
      facts: { key: string; value: unknown }[];
      tables: { id: string; rows: Record<string, unknown>[] }[];
    };
    expect(json.contentHash).toBe(hash);
    const jsonBack: ReadBack = {
      contentHash: json.contentHash,
      facts: Object.fromEntries(json.facts.map((f) => [f.key, f.value])) as ReadBack['facts'],
      tables: Object.fromEntries(json.tables.map((t) => [t.id, t.rows])) as ReadBack['tables'],
    };
    expectMatches(jsonBack, detail, true);
    const xml = readXml(textOf(files.xml));
    expect(xml.contentHash).toBe(hash);
    expectMatches(xml, detail, true);
    const xlsx = await readXlsx(bytesOf(files.xlsx));
    expect(xlsx.contentHash).toBe(hash);
    expectMatches(xlsx, detail, true);

    // The CSV keeps the report CSV's layout: a summary block, then the items.
    const [head, table] = textOf(files.csv).split('\r\n\r\n');
    const summary = Object.fromEntries(Papa.parse<string[]>(head).data.map(([k, val]) => [k, val]));
    expect(summary).toMatchObject({
      content_hash: hash,
      template_hash: detail.template.contentHash,
      template_version: '1',
    });
    const items = Papa.parse<Record<string, string>>(table.trim(), { header: true }).data;
    expect(Object.fromEntries(items.filter((i) => i.answer).map((i) => [i.item, i.answer]))).toEqual(
      Object.fromEntries(Object.entries(detail.answers).map(([k, a]) => [k, 'na' in a ? 'N/A' : String(a.value)])),
    );

    const pdf = squeeze(pdfText(bytesOf(files.pdf)));
    for (const s of [
      'Daily opening checklist',
      'RESTAURANT_OPENING',
      detail.template.contentHash,
      hash,
      'Sol « glissant » & <humide>',
      '-12',
    ])
      expect(pdf).toContain(squeeze(s));

    // Who exported what and when: one insert-only audit row per file, synced to shore.
    const local = kiosk.store.raw
      .prepare("SELECT actor_user_id, detail FROM audit_log WHERE action = 'compliance.exported' ORDER BY hlc")
      .all() as { actor_user_id: string; detail: string }[];
    expect(local.map((r) => JSON.parse(r.detail) as { format: string; fileHash: string })).toEqual(
      EXPORT_FORMATS.map((format) => ({
        kind: 'compliance_report',
        subject: id,
        format,
        contentHash: hash,
        fileHash: files[format].fileHash,
        templateCode: 'RESTAURANT_OPENING',
        templateVersion: 1,
      })),
    );
    expect(new Set(local.map((r) => r.actor_user_id))).toEqual(new Set([demoPerson('chef').id]));
    const listed = await ok<{ format: string; userName: string }[]>(call(kiosk, 'compliance.exports', { id }, chef));
    expect(listed.map((l) => l.format).sort()).toEqual([...EXPORT_FORMATS].sort());
    expect(listed[0].userName).toBe(demoPerson('chef').name);

    await kiosk.sync!.syncNow();
    const central = await sql<{ detail: string; actor_user_id: string }>`
      SELECT detail, actor_user_id FROM audit_log WHERE action = 'compliance.exported' ORDER BY hlc`.execute(
      service.db.admin,
    );
    expect(central.rows.map((r) => (JSON.parse(r.detail) as { format: string }).format)).toEqual([...EXPORT_FORMATS]);

    // A kiosk of another site cannot record an export of this site's report.
    const { kiosk: vessel } = await enrolledKiosk(service, 'vessel');
    const res = pushResponse.parse(
      (
        await rawPush(service, vessel, [
          {
            seq: 1,
            name: 'compliance.recordExport',
            version: 1,
            args: {
              auditId: newId(),
              kind: 'compliance_report',
              subject: id,
              format: 'pdf',
              contentHash: hash,
              fileHash: hash,
              templateCode: 'RESTAURANT_OPENING',
              templateVersion: 1,
            },
            hlc: encodeHlc({ wall: Date.now(), counter: 1, node: 'vessel' }),
            userId: demoUserId('vessel', 'Maria Santos'),
          },
        ])
      ).body,
    );
    expect(res.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'NOT_FOUND']]);
  });

  it('refuses an unknown format and an unknown report, naming the field, and records nothing', async () => {
    const { kiosk } = await makeKiosk();
    const chef = await signIn(kiosk, 'chef');
    const id = await filledReport(kiosk, chef);
    const bad = await call(kiosk, 'compliance.export', { id, format: 'docx' }, chef);
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad)).toContain('format');
    expect(codeOf(await call(kiosk, 'compliance.export', { id: OPENING, format: 'pdf' }, chef))).toBe('NOT_FOUND');
    const rows = kiosk.store.raw
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'compliance.exported'")
      .get() as { n: number };
    expect(rows.n).toBe(0);
  });
});

describe('reports built from synced rows', () => {
  it('training compliance: required modules per role against held certificates, expiring within 30 days flagged; exported with the same builders', async () => {
    const tk = await makeKiosk();
    const { kiosk } = tk;
    // The chef passes food safety (a real assessment, so a signed certificate), then 340 days go by.
    const FOOD = DEMO_MODULES[0];
    const taker = await signIn(kiosk, 'chef');
    const started = await ok<{ attemptId: string; questions: { id: string }[] }>(
      call(kiosk, 'training.startAssessment', { moduleId: moduleId(FOOD.code, 1) }, taker),
    );
    await ok(
      call(
        kiosk,
        'training.submitAssessment',
        {
          attemptId: started.attemptId,
          answers: started.questions.map((q, i) => ({
            questionId: q.id,
            selected: FOOD.questions[i].correct,
            responseMs: 1000,
          })),
        },
        taker,
      ),
    );
    tk.clock.set(tk.clock.now() + 340 * 86_400_000);
    const chef = await signIn(kiosk, 'chef');
    expect(codeOf(await call(kiosk, 'compliance.trainingReport', {}, chef))).toBe('FORBIDDEN');
    expect(
      codeOf(await call(kiosk, 'compliance.exportData', { kind: 'training_compliance', format: 'csv' }, chef)),
    ).toBe('FORBIDDEN');
    const manager = await signIn(kiosk, 'manager');
    const report = await ok<{
      lines: { name: string; moduleCode: string; status: string; certificate: string | null }[];
    }>(call(kiosk, 'compliance.trainingReport', {}, manager));
    const chefName = demoPerson('chef').name;
    expect(report.lines.filter((l) => l.name === chefName).map((l) => [l.moduleCode, l.status, l.certificate])).toEqual(
      [
        ['ALLERGENS_101', 'missing', null],
        ['FOOD_SAFETY_101', 'expiring', expect.any(String)],
      ],
    );
    // The manager's role is on no training path: nothing is required of them.
    expect(report.lines.some((l) => l.name === demoPerson('manager').name)).toBe(false);

    const file = await ok<File>(
      call(kiosk, 'compliance.exportData', { kind: 'training_compliance', format: 'xlsx' }, manager),
    );
    const back = await readXlsx(bytesOf(file));
    expect(back.contentHash).toBe(file.contentHash);
    expect(back.tables.holdings.map((r) => [r.person, r.module, r.status])).toEqual(
      report.lines.map((l) => [l.name, l.moduleCode, l.status]),
    );
    const csv = readCsv(
      textOf(
        await ok<File>(call(kiosk, 'compliance.exportData', { kind: 'training_compliance', format: 'csv' }, manager)),
      ),
    );
    expect(csv.facts).toMatchObject({ expiring: '1', required: String(report.lines.length) });
  });

  it('incident summary for a period of site days, by type and severity, exported as XML', async () => {
    const tk = await makeKiosk({ siteKey: 'vessel' });
    const { kiosk } = tk;
    const now = tk.clock.now();
    // Two fires in the period (one high), one the day before it starts: left out.
    await report(kiosk, 'high', now - 2 * 3_600_000);
    await report(kiosk, 'low', now - 26 * 3_600_000);
    await report(kiosk, 'critical', now - 10 * 86_400_000);
    const master = await signIn(kiosk, 'master', 'vessel');
    const period = { from: '2026-11-20', to: '2026-11-22' };
    const summary = await ok<{
      total: number;
      open: number;
      byType: { type: string; total: number; bySeverity: Record<string, number> }[];
    }>(call(kiosk, 'compliance.incidentSummary', period, master));
    expect(summary).toMatchObject({ total: 2, open: 2 });
    expect(summary.byType).toEqual([
      { type: 'fire', total: 2, open: 2, bySeverity: { low: 1, medium: 0, high: 1, critical: 0 } },
    ]);
    const file = await ok<File>(
      call(kiosk, 'compliance.exportData', { kind: 'incident_summary', format: 'xml', ...period }, master),
    );
    const xml = readXml(textOf(file));
    expect(xml.contentHash).toBe(file.contentHash);
    expect(xml.facts).toMatchObject({ total: 2, open: 2, high: 1, critical: 0 });
    expect(xml.tables.by_type).toEqual([{ type: 'fire', total: 2, open: 2, low: 1, medium: 0, high: 1, critical: 0 }]);
    const crew = await signIn(kiosk, 'crew', 'vessel');
    expect(codeOf(await call(kiosk, 'compliance.incidentSummary', period, crew))).toBe('FORBIDDEN');
    const reversed = await call(kiosk, 'compliance.incidentSummary', { from: '2026-02-01', to: '2026-01-01' }, master);
    expect(codeOf(reversed)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(reversed)).toContain('"to"');
  });
});
