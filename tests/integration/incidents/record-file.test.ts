import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdfAttachments } from '../../../shared/exports/pdf-attachments.js';
import { main as verifyIncident } from '../../../scripts/verify-incident.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { makeTempDir } from '../../helpers/tmp.js';
import { MIN, ok, report, vesselWorld } from './world.js';

type Checked = {
  status: string;
  source: string;
  incidentId: string;
  summary: string;
  entries: { kind: string; state: string }[];
};
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

describe('an incident record checked from a file (issue 12 §9)', () => {
  it('the report PDF carries its sealed record; a kiosk and the verifier check it offline, and an edited copy names the entry', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const { id } = await report(bridge, 'high', w.now());
    await w.advance(MIN);
    const officer = await signIn(bridge, 'officer', 'vessel');
    await ok(call(bridge, 'incidents.move', { id, to: 'triaging', reason: 'Looking at it' }, officer));
    const pdf = await ok<{ base64: string; fileName: string }>(
      call(bridge, 'incidents.exportReport', { id, format: 'pdf' }, officer),
    );
    const dir = makeTempDir('shiftdeck-record-');
    const file = join(dir, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));

    // A real PDF tool lists the embedded record; the verifier reads it from the PDF.
    expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toContain('incident-record.json');
    const cli = await verifyIncident(['--pdf', file]);
    expect([cli.code, cli.lines[0]]).toEqual([0, 'OK: every entry is as it was sealed.']);

    // On a kiosk, offline: the PDF checks OK against the kiosks' keys it holds.
    const fromPdf = await ok<Checked>(call(bridge, 'incidents.checkRecordFile', { base64: pdf.base64 }, officer));
    expect(fromPdf).toMatchObject({ status: 'ok', source: 'pdf', incidentId: id });
    expect(fromPdf.entries.map((e) => [e.kind, e.state])).toEqual([
      ['reported', 'sealed'],
      ['move', 'sealed'],
    ]);

    // The record taken out and edited (what happened, made milder): the check names the entry.
    const [embedded] = await readPdfAttachments(Buffer.from(pdf.base64, 'base64'));
    const record = JSON.parse(Buffer.from(embedded!.bytes).toString('utf8')) as {
      incident: { what_happened: string };
    };
    record.incident.what_happened = 'Nothing much.';
    const edited = await ok<Checked>(
      call(bridge, 'incidents.checkRecordFile', { base64: b64(JSON.stringify(record)) }, officer),
    );
    expect(edited).toMatchObject({ status: 'altered', source: 'json', summary: 'Nothing much.' });
    expect(edited.entries.find((e) => e.kind === 'reported')?.state).toBe('altered');
  });

  it('refuses, naming the file, a PDF that carries no record, a file that is none, and a record without its seals', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    await report(bridge, 'low', w.now());
    const officer = await signIn(bridge, 'officer', 'vessel');
    // Any other PDF, say a letter.
    const letter = await PDFDocument.create();
    letter.addPage().drawText('Dear shore office,');
    const other = b64(await letter.save());
    const refusal = async (base64: string) => {
      const r = await call(bridge, 'incidents.checkRecordFile', { base64 }, officer);
      return r.ok ? null : [r.error.code, r.error.details?.field];
    };
    expect(await refusal(other)).toEqual(['VALIDATION_FAILED', 'file']);
    expect(await refusal(b64('a shopping list'))).toEqual(['VALIDATION_FAILED', 'file']);
    expect(await refusal(b64(JSON.stringify({ v: 1, incident: { id: 'x' }, events: [] })))).toEqual([
      'VALIDATION_FAILED',
      'file',
    ]);
    // Crew report incidents; checking records is for those who triage them.
    const crew = await signIn(bridge, 'crew', 'vessel');
    const r = await call(bridge, 'incidents.checkRecordFile', { base64: other }, crew);
    expect(r.ok ? 'OK' : r.error.code).toBe('FORBIDDEN');
  });
});
