import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import { moduleId } from '../../../shared/training/content-rows.js';
import { DEMO_MODULES } from '../../../shared/training/demo-content.js';
import { main as verifyCli } from '../../../scripts/verify-certificate.js';
import { call, codeOf, dbFile, signIn } from '../../helpers/kiosk.js';
import { syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, rawPush, startService } from '../../helpers/sync.js';
import { makeTempDir } from '../../helpers/tmp.js';

type Val = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = async (p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<Val> => {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as Val;
};
const FOOD = DEMO_MODULES[0];
const NOW = '2026-12-01T00:00:00.000Z';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('certificate templates and revocations across kiosks', () => {
  it('a template and a revocation made on kiosk A reach kiosk B through the service; B, its database and its signed list all say revoked', async () => {
    const service = await startService();
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: b, dataDir: bDir } = await enrolledKiosk(service, 'restaurant');

    // The administrator sets the site's template on A; a learner then passes on A.
    const admin = await signIn(a, 'admin');
    await ok(
      call(
        a,
        'training.setCertificateTemplate',
        { signatoryName: 'Sophie Laurent', signatoryTitle: 'Directrice', logo: null },
        admin,
      ),
    );
    const staff = await signIn(a, 'staff');
    const started = await ok(call(a, 'training.startAssessment', { moduleId: moduleId(FOOD.code, 1) }, staff));
    const answers = started.questions.map((q: Val, i: number) => ({
      questionId: q.id,
      selected: FOOD.questions[i].correct,
      responseMs: 2000,
    }));
    await ok(call(a, 'training.submitAssessment', { attemptId: started.attemptId, answers }, staff));
    const cert = (await ok(call(a, 'training.certificates', {}, staff)))[0] as Val;
    const payload = JSON.parse(Buffer.from(cert.token.split('.')[1], 'base64url').toString()) as Val;
    expect(payload).toMatchObject({ v: 2, sn: 'Le Petit Bistro', gn: 'Sophie Laurent', gt: 'Directrice' });

    const manager = await signIn(a, 'manager');
    await ok(call(a, 'training.revokeCertificate', { certificateId: cert.id, reason: 'Issued in error' }, manager));
    await a.notifications.idle();
    await syncAll([a, b]);

    const central = await sql<Val>`SELECT signatory_name FROM training_certificate_templates`.execute(service.db.admin);
    expect(central.rows).toEqual([{ signatory_name: 'Sophie Laurent' }]);
    const bAdmin = await signIn(b, 'admin');
    expect(await ok(call(b, 'training.certificateTemplate', {}, bAdmin))).toMatchObject({
      signatoryName: 'Sophie Laurent',
    });

    // Kiosk B, which never saw the certificate issued, says revoked.
    const bStaff = await signIn(b, 'staff');
    const v = await ok(call(b, 'training.verifyCertificate', { token: cert.token }, bStaff));
    expect(v).toMatchObject({ valid: true, trusted: true, status: 'revoked', issuer: { siteName: 'Le Petit Bistro' } });

    // The command-line verifier on B's database, and on the list B exports.
    const onDb = verifyCli([cert.token, '--kiosk-db', dbFile(bDir)], NOW);
    expect(onDb.code).toBe(4);
    expect(onDb.lines[0]).toMatch(/^REVOKED on .*: Issued in error$/);
    const bManager = await signIn(b, 'manager');
    const exported = await ok(call(b, 'training.revocationList', {}, bManager));
    expect(exported.count).toBe(1);
    const dir = makeTempDir('shiftdeck-revocations-');
    const list = join(dir, exported.fileName);
    writeFileSync(list, exported.json);
    const keys = join(dir, 'keys.json');
    writeFileSync(
      keys,
      JSON.stringify(b.store.raw.prepare('SELECT key_id, public_key FROM training_signing_keys').all()),
    );
    const onList = verifyCli([cert.token, '--keys', keys, '--revocations', list], NOW);
    expect(onList.code).toBe(4);
    expect(onList.lines.join('\n')).toContain('Issued by: Le Petit Bistro, signed by Sophie Laurent (Directrice)');

    // A list with the revocation taken out no longer verifies, so it cannot clear a certificate.
    const file = JSON.parse(exported.json) as { payload: string; signature: string };
    writeFileSync(list, JSON.stringify({ ...file, payload: file.payload.replace(/"revoked":\[.*\]/, '"revoked":[]') }));
    const edited = verifyCli([cert.token, '--keys', keys, '--revocations', list], NOW);
    expect(edited.code).toBe(1);
    expect(edited.lines[0]).toMatch(/revocation list is not valid/);
  });

  it('the service refuses a template set by someone without settings.manage, and a logo that is not an image', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const staff = await signIn(kiosk, 'staff');
    const args = { signatoryName: 'Eve', signatoryTitle: 'Nobody', logo: null };
    expect(codeOf(await call(kiosk, 'training.setCertificateTemplate', args, staff))).toBe('FORBIDDEN');
    const admin = await signIn(kiosk, 'admin');
    const notImage = await call(
      kiosk,
      'training.setCertificateTemplate',
      { ...args, logo: { mime: 'image/png', base64: Buffer.from('<svg/>').toString('base64') } },
      admin,
    );
    expect(codeOf(notImage)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(notImage)).toContain('logo');
    expect(kiosk.store.raw.prepare('SELECT count(*) AS n FROM training_certificate_templates').get()).toEqual({ n: 0 });
    await ok(
      call(
        kiosk,
        'training.setCertificateTemplate',
        { ...args, logo: { mime: 'image/png', base64: PNG.toString('base64') } },
        admin,
      ),
    );

    // A modified kiosk signs the mutation for Emma (staff) anyway: the service re-checks the role.
    const { kiosk: tampered } = await enrolledKiosk(service, 'restaurant');
    const res = pushResponse.parse(
      (
        await rawPush(service, tampered, [
          {
            seq: 1,
            name: 'certificate.setTemplate',
            version: 1,
            args,
            hlc: encodeHlc({ wall: Date.now(), counter: 1, node: 'tampered' }),
            userId: demoUserId('restaurant', 'Emma Dubois'),
          },
        ])
      ).body,
    );
    expect(res.results.map((r) => r.status)).toEqual(['rejected']);
    expect(res.results[0].code).toBe('FORBIDDEN');
  });
});
