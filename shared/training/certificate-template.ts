import { z } from 'zod';
import { derivedId } from '../ids.js';
import { defineMutation } from '../mutations/define.js';

/**
 * A site's certificate template: the logo drawn on its certificates and the signatory whose name
 * and title are signed into each one (payload v2). One row per site, its id derived from the site,
 * so two kiosks setting it offline edit the same row; administrators (`settings.manage`) set it
 * and the server re-checks that permission and the site when the mutation arrives.
 */
export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_MIMES = ['image/png', 'image/jpeg'] as const;
export type LogoMime = (typeof LOGO_MIMES)[number];

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** What the bytes are, from their magic number; whatever the file name or declared type says. */
export function logoKind(bytes: Uint8Array): LogoMime | null {
  const starts = (magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
  if (starts(PNG_MAGIC)) return 'image/png';
  if (starts(JPEG_MAGIC)) return 'image/jpeg';
  return null;
}

export const templateIdOf = (siteId: string) => derivedId('training_certificate_template', siteId);

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A logo as it travels: its declared type and base64 bytes, which must match and fit. */
export const logoArgs = z
  .object({
    mime: z.enum(LOGO_MIMES),
    base64: z
      .string()
      .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4)
      .regex(base64),
  })
  .strict()
  .superRefine((logo, ctx) => {
    const bytes = Buffer.from(logo.base64, 'base64');
    if (bytes.length > LOGO_MAX_BYTES)
      ctx.addIssue({ code: 'custom', path: ['base64'], message: `The logo is over ${LOGO_MAX_BYTES / 1024} KiB.` });
    else if (logoKind(bytes) !== logo.mime)
      ctx.addIssue({ code: 'custom', path: ['base64'], message: 'The logo is not a PNG or JPEG image.' });
  });

export const templateArgs = z
  .object({
    signatoryName: z.string().trim().max(120),
    signatoryTitle: z.string().trim().max(120),
    /** A new logo, null to remove it, absent to keep the one there. */
    logo: logoArgs.nullable().optional(),
  })
  .strict();

export const setCertificateTemplate = defineMutation({
  name: 'certificate.setTemplate',
  version: 1,
  authority: 'settings.manage',
  args: templateArgs,
  async run(ctx, a) {
    const id = templateIdOf(ctx.siteId);
    const fields = {
      signatory_name: a.signatoryName,
      signatory_title: a.signatoryTitle,
      ...(a.logo !== undefined ? { logo_mime: a.logo?.mime ?? null, logo_base64: a.logo?.base64 ?? null } : {}),
    };
    const created = await ctx.write.insertIfAbsent('training_certificate_templates', {
      id,
      site_id: ctx.siteId,
      logo_mime: null,
      logo_base64: null,
      ...fields,
    });
    if (!created) await ctx.write.update('training_certificate_templates', id, fields);
  },
});
