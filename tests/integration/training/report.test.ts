import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import { addDays, siteClock } from '../../../shared/classes/site-time.js';
import { moduleId } from '../../../shared/training/content-rows.js';
import { DEMO_MODULES } from '../../../shared/training/demo-content.js';
import { REPORT_EXPORTED } from '../../../shared/training/report-mutations.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';

type Val = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = async (p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<Val> => {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as Val;
};
const FOOD = DEMO_MODULES.find((m) => m.code === 'FOOD_SAFETY_101')!;
const FOOD_ID = moduleId('FOOD_SAFETY_101', 1);
const PARIS = 'Europe/Paris';

describe('training engagement and the period report', () => {
  it('engagement recorded on one kiosk reaches central and another kiosk, whose report, PDF and XLSX show the same numbers, and each export is audited', async () => {
    const service = await startService();
    const clock = createManualClock();
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant', { clock });
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant', { clock });
    const section = (token: string, i: number, secondsSpent: number, completed: boolean) =>
      ok(call(a, 'training.recordSection', { sectionId: sections[i], secondsSpent, completed }, token));
    const emma = await signIn(a, 'staff');
    const sections = (await ok(call(a, 'training.module', { moduleId: FOOD_ID }, emma))).sections.map(
      (s: Val) => s.id as string,
    );
    expect(sections).toHaveLength(4);
    // Emma reads section 1, leaves section 2 half read: she stops at section 2.
    await section(emma, 0, 95, true);
    await section(emma, 1, 30, false);
    // Hugo reads everything and fails every question: he stops at the assessment.
    const hugo = await signIn(a, 'waiter');
    for (let i = 0; i < 4; i++) await section(hugo, i, 60 * (i + 1), true);
    const take = async (token: string, right: boolean) => {
      const started = await ok(call(a, 'training.startAssessment', { moduleId: FOOD_ID }, token));
      const answers = started.questions.map((q: Val, i: number) => ({
        questionId: q.id,
        selected: right
          ? FOOD.questions[i].correct
          : q.options
              .map((o: Val) => o.id)
              .filter((id: string) => !FOOD.questions[i].correct.includes(id))
              .slice(0, 1),
        responseMs: 2000,
      }));
      return ok(call(a, 'training.submitAssessment', { attemptId: started.attemptId, answers }, token));
    };
    const failed = await take(hugo, false);
    expect(failed.passed).toBe(false);
    // Nathan reads section 1 and passes: finished, so he stops nowhere; a certificate is issued.
    const nathan = await signIn(a, 'instructor');
    await section(nathan, 0, 40, false);
    const passed = await take(nathan, true);
    expect(passed.passed).toBe(true);
    await syncAll([a, b]);

    // The engagement rows reached central as the kiosk recorded them.
    const central =
      await sql<Val>`SELECT section_id, time_spent_seconds, completed_at IS NOT NULL AS done FROM training_section_progress`.execute(
        service.db.admin,
      );
    expect(central.rows).toHaveLength(7);
    expect(central.rows.reduce((s, r) => s + Number(r.time_spent_seconds), 0)).toBe(95 + 30 + 600 + 40);

    // On kiosk B the manager reads yesterday and today, by day, in Paris time.
    const today = siteClock(clock.now(), PARIS).date;
    const period = { granularity: 'day', from: addDays(today, -1), to: today };
    const manager = await signIn(b, 'manager');
    const report = await ok(call(b, 'training.report', period, manager));
    const mean = Math.round(((failed.score + passed.score) / 2) * 10) / 10;
    expect(report.totals).toEqual({
      attempts: 2,
      completions: 1,
      passRate: 50,
      meanScore: mean,
      certificatesIssued: 1,
      certificatesExpiring: 0,
    });
    expect(report.trend).toEqual([
      { bucket: addDays(today, -1), attempts: 0, completions: 0, meanScore: null },
      { bucket: today, attempts: 2, completions: 1, meanScore: mean },
    ]);
    expect(report.sections.map((s: Val) => [s.position, s.learners, s.meanSeconds, s.stoppedHere])).toEqual([
      [1, 3, Math.round(((95 + 60 + 40) / 3) * 10) / 10, 0],
      [2, 2, 75, 1],
      [3, 1, 180, 0],
      [4, 1, 240, 0],
    ]);
    const food = report.modules.find((m: Val) => m.code === 'FOOD_SAFETY_101');
    expect(food).toMatchObject({ attempts: 2, completions: 1, started: 3, stoppedAtAssessment: 1 });
    // Hugo missed every question once, Nathan none: each missed 1 of 2.
    expect(report.mostMissed).toHaveLength(Math.min(10, FOOD.questions.length));
    expect(new Set(report.mostMissed.map((q: Val) => `${q.answered}/${q.missed}/${q.missRate}`))).toEqual(
      new Set(['2/1/50']),
    );
    expect(report.certificates.map((c: Val) => [c.holder, c.event])).toEqual([['Nathan Roux', 'issued']]);

    // XLSX in English, read back with exceljs.
    const xlsx = await ok(call(b, 'training.exportReport', { ...period, format: 'xlsx', locale: 'en' }, manager));
    expect(xlsx.fileName).toBe(`training-report-${period.from}-${period.to}-en.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const rows = (name: string) =>
      (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Trend',
      'Modules',
      'Time per section',
      'Questions most often missed',
      'Certificates',
    ]);
    expect(rows('Summary').slice(4)).toEqual([
      ['Attempts', 2],
      ['Completions', 1],
      ['Pass rate (%)', 50],
      ['Mean score (%)', mean],
      ['Certificates issued', 1],
      ['Certificates expiring', 0],
    ]);
    expect(rows('Trend').slice(1)).toEqual(
      report.trend.map((p: Val) => [
        p.bucket,
        p.attempts,
        p.completions,
        ...(p.meanScore === null ? [] : [p.meanScore]),
      ]),
    );
    expect(
      rows('Time per section')
        .slice(1)
        .map((r) => [r[1], r[3], r[6]]),
    ).toEqual([
      [1, 3, 0],
      [2, 2, 1],
      [3, 1, 0],
      [4, 1, 0],
    ]);
    expect(
      rows('Questions most often missed')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(report.mostMissed.map((q: Val) => q.prompt.en));
    expect(
      rows('Certificates')
        .slice(1)
        .map((r) => [r[1], r[3]]),
    ).toEqual([['Nathan Roux', 'Issued']]);

    // PDF in French, read back with pdftotext.
    const pdf = await ok(call(b, 'training.exportReport', { ...period, format: 'pdf', locale: 'fr' }, manager));
    const dir = mkdtempSync(join(tmpdir(), 'trainrep-'));
    writeFileSync(join(dir, 'r.pdf'), Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Rapport de formation · Le Petit Bistro');
    expect(text).toMatch(/Tentatives\s+2\n/);
    expect(text).toMatch(/Réussites\s+1\n/);
    expect(text).toMatch(new RegExp(`Score moyen \\(%\\)\\s+${String(mean).replace('.', ',')}\\n`));
    expect(text).toMatch(/Certificats délivrés\s+1\n/);
    expect(text).toContain('Questions les plus souvent manquées');
    expect(text).toContain(report.mostMissed[0].prompt.fr.slice(0, 30));
    expect(text).toMatch(/Nathan Roux\s+FOOD_SAFETY_101\s+Délivré/);

    // Each export is on record, with who and what, and reaches central.
    const audits = b.store.raw
      .prepare('SELECT actor_user_id, detail FROM audit_log WHERE action = ? ORDER BY hlc')
      .all(REPORT_EXPORTED) as { actor_user_id: string; detail: string }[];
    expect(
      audits.map((x) => [JSON.parse(x.detail).format, JSON.parse(x.detail).locale, JSON.parse(x.detail).from]),
    ).toEqual([
      ['xlsx', 'en', period.from],
      ['pdf', 'fr', period.from],
    ]);
    await syncAll([b]);
    const shore =
      await sql<Val>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${REPORT_EXPORTED} AND actor_user_id = ${audits[0].actor_user_id}`.execute(
        service.db.admin,
      );
    expect(shore.rows[0].n).toBe(2);
  });

  it('refuses a period that ends before it starts, naming the field, and exports nothing; crew may not read it', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { clock: createManualClock() });
    const manager = await signIn(kiosk, 'manager');
    const bad = await call(
      kiosk,
      'training.exportReport',
      { granularity: 'week', from: '2026-11-10', to: '2026-11-01', format: 'pdf', locale: 'en' },
      manager,
    );
    expect(bad.ok ? null : [bad.error.code, bad.error.details]).toEqual(['VALIDATION_FAILED', { field: 'to' }]);
    const shape = await call(
      kiosk,
      'training.report',
      { granularity: 'week', from: '10/11/2026', to: '2026-11-01' },
      manager,
    );
    expect(shape.ok ? null : shape.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(shape.ok ? null : shape.error)).toContain('from');
    const half = await call(kiosk, 'training.report', { granularity: 'day', from: '2026-11-01' }, manager);
    expect(half.ok ? null : [half.error.code, half.error.details]).toEqual(['VALIDATION_FAILED', { field: 'to' }]);
    expect(
      kiosk.store.raw.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(REPORT_EXPORTED),
    ).toEqual({ n: 0 });
    const emma = await signIn(kiosk, 'staff');
    const crew = await call(
      kiosk,
      'training.report',
      { granularity: 'day', from: '2026-11-01', to: '2026-11-02' },
      emma,
    );
    expect(crew.ok ? null : crew.error.code).toBe('FORBIDDEN');
  });
});
