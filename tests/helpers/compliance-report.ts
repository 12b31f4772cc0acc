import type { Kiosk } from '../../electron/core/kiosk.js';
import { parseContent } from '../../shared/compliance/report-rules.js';
import { passingAnswers } from './compliance-answers.js';
import { call } from './kiosk.js';

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>) {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error!.code}: ${r.error!.message}`);
  return r.value as T;
}

/**
 * Starts the report of a schedule's period, answers every item so it passes, and submits it with
 * the filler's PIN, through the API as the screens call it. Returns the report's id.
 */
export async function submitPassingReport(
  kiosk: Kiosk,
  q: { templateId: string; scheduleId: string; period: string },
  token: string,
  pin: string,
): Promise<string> {
  const { id } = await ok<{ id: string }>(call(kiosk, 'compliance.start', q, token));
  const content = parseContent(
    (
      kiosk.store.raw.prepare('SELECT content FROM compliance_templates WHERE id = ?').get(q.templateId) as {
        content: string;
      }
    ).content,
  );
  for (const [itemId, value] of Object.entries(passingAnswers(content)))
    await ok(call(kiosk, 'compliance.answer', { reportId: id, itemId, value }, token));
  await ok(call(kiosk, 'compliance.sign', { reportId: id, step: 'submit', pin }, token));
  return id;
}
