import { describe, expect, it } from 'vitest';
import { reportDocument } from '../../../shared/compliance/report-document.js';
import { RESTAURANT_TEMPLATES } from '../../../shared/compliance/restaurant-templates.js';
import { scoreReport } from '../../../shared/compliance/scoring.js';
import { templateContent, templateItems } from '../../../shared/compliance/template.js';
import { VESSEL_TEMPLATES } from '../../../shared/compliance/vessel-templates.js';
import { documentCsv } from '../../../shared/exports/document-csv.js';
import { documentJson } from '../../../shared/exports/document-json.js';
import { documentPdf, pdfValue } from '../../../shared/exports/document-pdf.js';
import { documentXml } from '../../../shared/exports/document-xml.js';
import { documentHash } from '../../../shared/exports/export-document.js';
import { documentXlsx } from '../../../electron/core/exports/document-xlsx.js';
import { randomAnswers } from '../../helpers/compliance-answers.js';
import { asText, expectedOf, pdfText, readCsv, readXlsx, readXml, squeeze } from '../../helpers/export-readback.js';
import { seededRandom, seedFromEnv } from '../../helpers/seeded-random.js';

const AT = '2026-11-22T08:30:00.000Z';
const rnd = seededRandom(seedFromEnv(20261202));

function docFor(code: string) {
  const shipped = [...RESTAURANT_TEMPLATES, ...VESSEL_TEMPLATES].find((t) => t.code === code)!;
  const content = templateContent.parse(shipped.content);
  const answers = {
    ...randomAnswers(content, rnd),
    // Text with every character an XML, CSV or PDF writer must escape or draw.
    [templateItems(content).find((i) => i.item.kind === 'text')!.item.id]: {
      value: 'Door "sticks", <ask> & check\nagain; température ≤ 5 °C',
    },
  };
  return reportDocument(
    {
      reportId: '0f6b3a52-6a40-4b8e-9a37-6a2b1f0c5d11',
      template: { code, version: 3, contentHash: 'c'.repeat(64), title: shipped.title },
      status: 'approved',
      content,
      answers,
      score: scoreReport(content, answers),
    },
    [
      { step: 'submit', userName: 'Ana Chef', roleCode: 'chef', comment: null, score: 91.5, at: AT },
      { step: 'approve', userName: 'Marc Leroy', roleCode: 'manager', comment: 'Vu, d’accord', score: 91.5, at: AT },
    ],
    AT,
  );
}

describe('compliance report exports read back into the report', () => {
  const doc = docFor('RESTAURANT_OPENING');
  const want = expectedOf(doc, documentHash(doc));

  it('carries the template code, version, hashes, score and every answer in JSON', () => {
    const back = JSON.parse(documentJson(doc)) as typeof doc & { contentHash: string };
    const { contentHash, format: _f, version: _v, ...rest } = back as typeof back & { format: string; version: number };
    expect(contentHash).toBe(documentHash(doc));
    expect(rest).toEqual(doc);
    expect(want.facts).toMatchObject({
      template: 'RESTAURANT_OPENING',
      template_version: 3,
      template_hash: 'c'.repeat(64),
    });
  });

  it('reads back from XML with a parser, values typed', () => {
    expect(readXml(documentXml(doc))).toEqual(want);
  });

  it('reads back from CSV with papaparse, block by block', () => {
    expect(readCsv(documentCsv(doc))).toEqual(asText(want));
  });

  it('reads back from XLSX with exceljs, numbers as numbers', async () => {
    expect(await readXlsx(await documentXlsx(doc))).toEqual(want);
  });

  it('gives the same content hash for the same report and another for one changed answer', () => {
    expect(documentHash(docFor('RESTAURANT_OPENING'))).not.toBe(documentHash(doc));
    expect(documentHash(structuredClone(doc))).toBe(documentHash(doc));
  });
});

describe('the PDF of a compliance report', () => {
  it('shows both languages, the scores, every answer, the signatures and the content hash (pdftotext)', async () => {
    const doc = docFor('ISM_INTERNAL_AUDIT');
    const text = squeeze(pdfText(await documentPdf(doc)));
    expect(text).toContain(squeeze(doc.title.en));
    expect(text).toContain(squeeze(doc.title.fr));
    expect(text).toContain(documentHash(doc));
    for (const f of doc.facts) expect(text).toContain(squeeze(pdfValue(f.value, f.codes)));
    const items = doc.tables.find((t) => t.id === 'items')!;
    for (const row of items.rows) {
      expect(text).toContain(squeeze(String(row.label_en)));
      expect(text).toContain(squeeze(String(row.label_fr).replace(/≤/g, '<=').replace(/≥/g, '>=')));
    }
    expect(text).toContain(squeeze('température <= 5 °C'));
    expect(text).toContain(squeeze('Status / Statut Approved on board / Approuvé à bord'));
    expect(text).toContain(squeeze('Submitted / Soumis Ana Chef chef 91.5'));
    expect(text).toContain('MarcLeroy');
    const sections = doc.tables.find((t) => t.id === 'sections')!;
    for (const s of sections.rows) expect(text).toContain(squeeze(String(s.title_fr)));
  });
});
