import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../../shared/compliance/report-rules.js';
import { templateId } from '../../../shared/compliance/template-rows.js';
import { passingAnswers } from '../../helpers/compliance-answers.js';
import { call, codeOf, makeKiosk, signIn } from '../../helpers/kiosk.js';

const OPENING = templateId('RESTAURANT_OPENING', 1);

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>) {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error!.code}: ${r.error!.message}`);
  return r.value as T;
}

describe('exporting a compliance report as CSV', () => {
  it('carries the pinned template version and hash and the stored answers, read back with a CSV parser', async () => {
    const { kiosk } = await makeKiosk();
    const chef = await signIn(kiosk, 'chef');
    const { id } = await ok<{ id: string }>(call(kiosk, 'compliance.start', { templateId: OPENING }, chef));
    const row = kiosk.store.raw
      .prepare('SELECT content, content_hash FROM compliance_templates WHERE id = ?')
      .get(OPENING) as { content: string; content_hash: string };
    const answers = { ...passingAnswers(parseContent(row.content)), fridge_temp: { value: 6 } };
    for (const [itemId, value] of Object.entries(answers))
      await ok(call(kiosk, 'compliance.answer', { reportId: id, itemId, value }, chef));

    const out = await ok<{ filename: string; content: string }>(call(kiosk, 'compliance.exportCsv', { id }, chef));
    expect(out.filename).toBe(`RESTAURANT_OPENING-v1-${id}.csv`);
    const [head, table] = out.content.split('\r\n\r\n');
    const summary = Object.fromEntries(Papa.parse<string[]>(head).data.map(([k, v]) => [k, v]));
    expect(summary).toMatchObject({
      report_id: id,
      template_version: '1',
      template_hash: row.content_hash,
      status: 'draft',
    });
    const items = Papa.parse<Record<string, string>>(table.trim(), { header: true }).data;
    expect(Object.fromEntries(items.filter((i) => i.answer).map((i) => [i.item, i.answer]))).toEqual(
      Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, 'na' in v ? 'N/A' : String(v.value)])),
    );
    expect(codeOf(await call(kiosk, 'compliance.exportCsv', { id: OPENING }, chef))).toBe('NOT_FOUND');
  });
});
