import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleId } from '../../../shared/training/content-rows.js';
import { DEMO_MODULES } from '../../../shared/training/demo-content.js';
import { main as verifyCli } from '../../../scripts/verify-certificate.js';
import { call, dbFile, makeKiosk, signIn } from '../../helpers/kiosk.js';
import { makeTempDir } from '../../helpers/tmp.js';

type Val = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = async (p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<Val> => {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as Val;
};

async function passedCertificate() {
  const tk = await makeKiosk();
  const token = await signIn(tk.kiosk, 'staff');
  const FOOD = DEMO_MODULES[0];
  const started = await ok(call(tk.kiosk, 'training.startAssessment', { moduleId: moduleId(FOOD.code, 1) }, token));
  const answers = started.questions.map((q: Val, i: number) => ({
    questionId: q.id,
    selected: FOOD.questions[i].correct,
    responseMs: 2000,
  }));
  await ok(call(tk.kiosk, 'training.submitAssessment', { attemptId: started.attemptId, answers }, token));
  const cert = (await ok(call(tk.kiosk, 'training.certificates', {}, token)))[0] as Val;
  return { tk, token, cert };
}

describe('the certificate PDF', () => {
  it.each(['en', 'fr'] as const)(
    'in %s renders with pdftoppm, its QR decodes with zbarimg, and the decoded payload verifies',
    async (locale) => {
      const { tk, token, cert } = await passedCertificate();
      const pdf = await ok(call(tk.kiosk, 'training.certificatePdf', { certificateId: cert.id, locale }, token));
      expect(pdf.fileName).toBe(`${cert.number}-${locale}.pdf`);
      const dir = makeTempDir('shiftdeck-cert-');
      const file = join(dir, pdf.fileName);
      writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
      expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

      execFileSync('pdftoppm', ['-png', '-r', '150', file, join(dir, 'page')]);
      const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
      expect(pages).toHaveLength(1);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain(locale === 'fr' ? 'Certificat de réussite' : 'Certificate of completion');
      expect(text).toContain(locale === 'fr' ? 'Les bases de la sécurité alimentaire' : 'Food safety basics');
      expect(text).toContain('Emma Dubois');
      expect(text).toContain(cert.verificationCode);

      const decoded = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, pages[0])], { encoding: 'utf8' }).trim();
      expect(decoded).toBe(cert.token);
      const v = await ok(call(tk.kiosk, 'training.verifyCertificate', { token: decoded }, token));
      expect(v).toMatchObject({
        valid: true,
        trusted: true,
        status: 'valid',
        holder: 'Emma Dubois',
        number: cert.number,
      });

      // The command-line verifier, from the PDF alone, with the kiosk's synced key list.
      const out = verifyCli([file, '--kiosk-db', dbFile(tk.dataDir)], '2026-12-01T00:00:00.000Z');
      expect(out.code).toBe(0);
      expect(out.lines.join('\n')).toContain(cert.number);
      expect(out.lines.join('\n')).toContain('one of the organisation’s keys');
    },
  );

  it('the verifier refuses an altered certificate, flags an unknown signer and an expired one', async () => {
    const { tk, cert } = await passedCertificate();
    const dir = makeTempDir('shiftdeck-cert-');
    const keys = join(dir, 'keys.json');
    writeFileSync(
      keys,
      JSON.stringify(tk.kiosk.store.raw.prepare('SELECT key_id, public_key FROM training_signing_keys').all()),
    );
    expect(verifyCli([cert.token, '--keys', keys], '2026-12-01T00:00:00.000Z').code).toBe(0);
    expect(verifyCli([cert.token], '2026-12-01T00:00:00.000Z').code).toBe(2);
    writeFileSync(join(dir, 'other.json'), JSON.stringify({}));
    expect(verifyCli([cert.token, '--keys', join(dir, 'other.json')]).lines.join('\n')).toContain(
      'NOT in the organisation',
    );
    expect(verifyCli([cert.token, '--keys', keys], '2028-01-01T00:00:00.000Z').code).toBe(3);
    const [prefix, body, sig] = cert.token.split('.');
    const forged = [
      prefix,
      Buffer.from(Buffer.from(body, 'base64url').toString().replace('Emma Dubois', 'Eve Mallory')).toString(
        'base64url',
      ),
      sig,
    ].join('.');
    const bad = verifyCli([forged, '--keys', keys]);
    expect(bad.code).toBe(1);
    expect(bad.lines[0]).toMatch(/INVALID/);
  });
});
