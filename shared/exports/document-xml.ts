import { XMLBuilder } from 'fast-xml-parser';
import { documentHash, type Cell, type ExportDocument } from './export-document.js';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  suppressEmptyNode: true,
});

/** Every value keeps its type in an attribute, so a reader gets numbers and yes/no back, not just text. */
const typed = (v: Cell) =>
  v === null
    ? { '@_type': 'null' }
    : {
        '@_type': typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string',
        '#text': String(v),
      };

/**
 * A document as XML (UTF-8): `<export kind contentHash>` with its titles, `<fact>`s and `<table>`s
 * of `<row>`s of `<cell key type>`. Values are escaped by fast-xml-parser's builder.
 *
 * @example documentXml(doc) // '<?xml version="1.0" encoding="UTF-8"?>\n<export kind="compliance_report" …'
 */
export function documentXml(doc: ExportDocument): string {
  const body = {
    export: {
      '@_kind': doc.kind,
      '@_subject': doc.subject,
      '@_generatedAt': doc.generatedAt,
      '@_contentHash': documentHash(doc),
      title: { '@_en': doc.title.en, '@_fr': doc.title.fr },
      facts: {
        fact: doc.facts.map((f) => ({ '@_key': f.key, '@_en': f.label.en, '@_fr': f.label.fr, ...typed(f.value) })),
      },
      table: doc.tables.map((t) => ({
        '@_id': t.id,
        '@_en': t.title.en,
        '@_fr': t.title.fr,
        column: t.columns.map((c) => ({ '@_key': c.key, '@_en': c.label.en, '@_fr': c.label.fr })),
        row: t.rows.map((r) => ({ cell: t.columns.map((c) => ({ '@_key': c.key, ...typed(r[c.key] ?? null) })) })),
      })),
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(body) as string}`;
}
