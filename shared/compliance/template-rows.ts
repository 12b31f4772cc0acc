import { derivedId } from '../ids.js';
import { contentHash } from './content-hash.js';
import { RESTAURANT_TEMPLATES } from './restaurant-templates.js';
import type { ComplianceTemplateRow } from './schema.js';
import type { ShippedTemplate } from './shipped-template.js';
import { templateContent } from './template.js';
import { VESSEL_TEMPLATES } from './vessel-templates.js';

export const SHIPPED_TEMPLATES: readonly ShippedTemplate[] = [...RESTAURANT_TEMPLATES, ...VESSEL_TEMPLATES];

/** Ids derived from (code, version), so every replica and the server hold the same rows. */
export const templateId = (code: string, version: number) => derivedId('compliance_template', code, String(version));

/** Shipped templates carry a fixed timestamp, so replicas seeded apart still hold equal rows. */
export const TEMPLATE_TIME = '2026-01-01T00:00:00.000Z';

/** The row of one shipped template version: content parsed (defaults filled in) and hashed. */
export function templateRow(t: ShippedTemplate): ComplianceTemplateRow {
  const content = templateContent.parse(t.content);
  return {
    id: templateId(t.code, t.version),
    site_id: null,
    created_at: TEMPLATE_TIME,
    updated_at: TEMPLATE_TIME,
    code: t.code,
    version: t.version,
    status: 'published',
    report_type: t.reportType,
    site_kind: t.siteKind,
    title_en: t.title.en,
    title_fr: t.title.fr,
    method: content.method,
    content: JSON.stringify(content),
    content_hash: contentHash(content),
    published_at: TEMPLATE_TIME,
    deleted_at: null,
  };
}

export const shippedTemplateRows = (): ComplianceTemplateRow[] => SHIPPED_TEMPLATES.map(templateRow);
