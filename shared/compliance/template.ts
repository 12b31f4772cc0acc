import { z } from 'zod';

/**
 * A compliance template's content as data: sections of items, each item a kind with its own way of
 * passing. One zod schema is the single description, used to validate authored and shipped
 * templates and to type the scoring rules (shared/compliance/scoring.ts).
 */
export const ITEM_KINDS = ['yes_no', 'choice', 'number', 'text', 'date', 'photo', 'signature'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Kinds that pass or fail; text, date, photo and signature are evidence, never scored. */
export const SCORED_KINDS: readonly ItemKind[] = ['yes_no', 'choice', 'number'];

export const SCORING_METHODS = ['percentage', 'weighted', 'pass_fail', 'points'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

export const REPORT_TYPES = [
  'audit',
  'inspection',
  'safety',
  'environmental',
  'training',
  'incident',
  'custom',
] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

const text = z.object({ en: z.string().trim().min(1).max(300), fr: z.string().trim().min(1).max(300) }).strict();
const itemId = z.string().regex(/^[a-z0-9_]{1,40}$/, 'An item id is 1 to 40 lower-case letters, digits or underscores');

const choiceOption = z
  .object({
    id: itemId,
    label: text,
    /** Whether choosing it passes the item. */
    pass: z.boolean(),
    /** Points earned under the points method (negative allowed); default: weight if it passes, else 0. */
    points: z.number().finite().optional(),
  })
  .strict();

export const templateItem = z
  .object({
    id: itemId,
    kind: z.enum(ITEM_KINDS),
    label: text,
    /** Relative weight within its section (weighted method) and points when it passes (points method). */
    weight: z.number().finite().min(0).max(1000).default(1),
    /** A failed critical item fails the whole report, whatever the score. */
    critical: z.boolean().default(false),
    required: z.boolean().default(true),
    /** Whether "not applicable" may be answered; N/A leaves the item out of the denominator. */
    allowNa: z.boolean().default(false),
    /** yes_no: the answer that passes ("Any pests seen?" passes on no). */
    expect: z.enum(['yes', 'no']).optional(),
    /** choice: the options. */
    options: z.array(choiceOption).min(2).max(20).optional(),
    /** number: the range that passes, both ends included, and its unit. */
    range: z
      .object({ min: z.number().finite().optional(), max: z.number().finite().optional(), unit: z.string().max(12) })
      .strict()
      .optional(),
    /** points method: points for a failed yes_no or number item (negative for a penalty); default 0. */
    failPoints: z.number().finite().optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.kind === 'choice' && !item.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'A choice item needs its options' });
    if (item.kind !== 'choice' && item.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only a choice item has options' });
    if (item.kind === 'number' && !item.range)
      ctx.addIssue({ code: 'custom', path: ['range'], message: 'A number item needs its range and unit' });
    if (item.critical && !SCORED_KINDS.includes(item.kind))
      ctx.addIssue({
        code: 'custom',
        path: ['critical'],
        message: 'Only a yes/no, choice or number item can be critical',
      });
  });
export type TemplateItem = z.output<typeof templateItem>;

export const templateSection = z
  .object({
    id: itemId,
    title: text,
    /** Weight of the section in the report score (weighted method). */
    weight: z.number().finite().min(0).max(1000).default(1),
    /** Gate: the section's own score (0-100) must reach it, or the report fails. */
    passMark: z.number().min(0).max(100).optional(),
    items: z.array(templateItem).min(1).max(1000),
  })
  .strict();
export type TemplateSection = z.output<typeof templateSection>;

export const templateContent = z
  .object({
    method: z.enum(SCORING_METHODS),
    /** percentage and weighted: the score (0-100) to reach; points: the points to reach; pass_fail: unused. */
    passMark: z.number().finite().default(0),
    sections: z.array(templateSection).min(1).max(100),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.sections.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        if (seen.has(item.id))
          ctx.addIssue({
            code: 'custom',
            path: ['sections', si, 'items', ii, 'id'],
            message: `Item id ${item.id} is used twice: each item needs its own id`,
          });
        seen.add(item.id);
      }),
    );
  });
export type TemplateContent = z.output<typeof templateContent>;
export type TemplateContentInput = z.input<typeof templateContent>;

/** Every item of a template in order, with its section. */
export function templateItems(content: TemplateContent): { section: TemplateSection; item: TemplateItem }[] {
  return content.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}
