import type { ReportType, TemplateContentInput } from './template.js';

/** A template as shipped with Shiftdeck (organisation reference data, like the training content). */
export interface ShippedTemplate {
  code: string;
  version: number;
  reportType: ReportType;
  siteKind: 'restaurant' | 'vessel' | 'any';
  title: { en: string; fr: string };
  content: TemplateContentInput;
}

/** Short builders so the shipped templates read like the paper forms they replace. */
export const yn = (id: string, en: string, fr: string, extra: object = {}) => ({
  id,
  kind: 'yes_no' as const,
  label: { en, fr },
  ...extra,
});
export const num = (
  id: string,
  en: string,
  fr: string,
  range: { min?: number; max?: number; unit: string },
  extra: object = {},
) => ({
  id,
  kind: 'number' as const,
  label: { en, fr },
  range,
  ...extra,
});
export const note = (id: string, en: string, fr: string) => ({
  id,
  kind: 'text' as const,
  label: { en, fr },
  required: false,
});
export const sign = (id: string, en: string, fr: string) => ({ id, kind: 'signature' as const, label: { en, fr } });
