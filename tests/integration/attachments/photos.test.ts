import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { createAttachmentTransfer } from '../../../electron/core/attachments/transfer.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { sha256Of } from '../../../shared/attachments/hash.js';
import type { PhotoEntry } from '../../../shared/attachments/contract.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { deviceTokenOf, enrolledKiosk, siteBehindHub } from '../../helpers/sync.js';
import { makeTempDir } from '../../helpers/tmp.js';
import { ok, report, vesselWorld } from '../incidents/world.js';

const quietLog = { info() {}, warn() {}, error() {} };

/** A real PNG picture, different for each text. */
const picture = async (text: string) => QRCode.toBuffer(text, { width: 240 });
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function photosOn(kiosk: Kiosk, incidentId: string, token: string) {
  return (await ok<{ photos: PhotoEntry[] }>(call(kiosk, 'incidents.detail', { id: incidentId }, token))).photos;
}

const put = (url: string, token: string, sha: string, body: Uint8Array, mime = 'image/png') =>
  fetch(`${url}/v1/attachments/${sha}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': mime },
    body: new Uint8Array(body),
  });

describe('incident photos as attachments (issue 12 §1)', () => {
  it('a photo is kept on the kiosk by its hash, reaches shore in the bulk lane after its incident, and then the other kiosk', async () => {
    const w = await vesselWorld();
    const engine = await w.kiosk('Engine room');
    const bridge = await w.kiosk('Bridge');
    const { id } = await report(engine, 'high', w.now());
    const crew = await signIn(engine, 'crew', 'vessel');
    const png = await picture('smoke at the switchboard');
    const added = await ok<{ id: string; sha256: string }>(
      call(engine, 'incidents.addPhoto', { incidentId: id, photo: { mime: 'image/png', base64: b64(png) } }, crew),
    );
    expect(added.sha256).toBe(sha256Of(png));
    // The same photo twice is one.
    await ok(
      call(engine, 'incidents.addPhoto', { incidentId: id, photo: { mime: 'image/png', base64: b64(png) } }, crew),
    );
    const [mine] = await photosOn(engine, id, crew);
    expect(mine).toMatchObject({ id: added.id, here: true, ashore: false, mime: 'image/png', width: 240, height: 240 });
    expect((await photosOn(engine, id, crew)).length).toBe(1);

    // Before the reference reaches shore, shore refuses the bytes (it keeps only files its records name).
    expect(await engine.attachments!.run()).toMatchObject({ sent: 0 });
    await engine.sync!.syncNow();
    // The incident and the reference are at shore and on the bridge; the photo is still on board.
    await bridge.sync!.syncNow();
    const officer = await signIn(bridge, 'officer', 'vessel');
    expect(await photosOn(bridge, id, officer)).toMatchObject([{ id: added.id, here: false, ashore: false }]);
    const notHere = await call(bridge, 'incidents.photo', { incidentId: id, photoId: added.id }, officer);
    expect(notHere).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { reason: 'not_here' } } });

    // The bulk lane: sent once, recorded as arrived at shore.
    expect(await engine.attachments!.pulled()).toMatchObject({ sent: 1 });
    const blob = await sql<{ size: number; content: Buffer }>`
      SELECT size, content FROM attachment_blobs WHERE sha256 = ${added.sha256}`.execute(w.service.db.admin);
    expect(blob.rows.map((r) => [r.size, sha256Of(r.content)])).toEqual([[png.length, added.sha256]]);
    // Not sent again before the next pull brings its arrival.
    expect(await engine.attachments!.run()).toMatchObject({ sent: 0 });
    await engine.sync!.syncNow();
    expect(await photosOn(engine, id, crew)).toMatchObject([{ here: true, ashore: true }]);

    // The bridge learns it arrived, fetches it, and shows the very bytes.
    await bridge.sync!.syncNow();
    expect(await photosOn(bridge, id, officer)).toMatchObject([{ here: false, ashore: true }]);
    expect(await bridge.attachments!.pulled()).toMatchObject({ fetched: 1 });
    const shown = await ok<{ mime: string; base64: string }>(
      call(bridge, 'incidents.photo', { incidentId: id, photoId: added.id }, officer),
    );
    expect(shown).toEqual({ mime: 'image/png', base64: b64(png) });
    expect(await photosOn(bridge, id, officer)).toMatchObject([{ here: true, ashore: true }]);

    // The report PDF shows the picture and lists it by its hash.
    const master = await signIn(bridge, 'master', 'vessel');
    const pdf = await ok<{ base64: string; fileName: string }>(
      call(bridge, 'incidents.exportReport', { id, format: 'pdf' }, master),
    );
    const dir = makeTempDir('shiftdeck-photo-pdf-');
    const file = join(dir, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.map((l) => l.trim().split(/\s+/).slice(3, 5))).toEqual([['240', '240']]);
    expect(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).toContain(
      added.sha256.slice(0, 16),
    );
  });

  it('refuses what is not a picture, a file no record names, bytes that do not match, and another site', async () => {
    const w = await vesselWorld();
    const engine = await w.kiosk('Engine room');
    const { id } = await report(engine, 'low', w.now());
    const crew = await signIn(engine, 'crew', 'vessel');
    const png = await picture('a valid picture');

    // On the kiosk: the bytes decide what a file is, and nothing is added.
    const text = await call(
      engine,
      'incidents.addPhoto',
      { incidentId: id, photo: { mime: 'image/png', base64: b64(Buffer.from('not a picture at all')) } },
      crew,
    );
    expect(text).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const asJpeg = await call(
      engine,
      'incidents.addPhoto',
      { incidentId: id, photo: { mime: 'image/jpeg', base64: b64(png) } },
      crew,
    );
    expect(asJpeg).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/image\/png/) },
    });
    const unknown = await call(
      engine,
      'incidents.addPhoto',
      { incidentId: '0190f0f0-0000-7000-8000-000000000000', photo: { mime: 'image/png', base64: b64(png) } },
      crew,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await photosOn(engine, id, crew)).toEqual([]);
    expect(engine.store.raw.prepare('SELECT COUNT(*) FROM outbox WHERE name = ?').pluck().get('attachments.add')).toBe(
      0,
    );

    // At shore.
    await ok(
      call(engine, 'incidents.addPhoto', { incidentId: id, photo: { mime: 'image/png', base64: b64(png) } }, crew),
    );
    await engine.sync!.syncNow();
    const token = deviceTokenOf(engine);
    const sha = sha256Of(png);
    const stray = await picture('a file no record names');
    const r1 = await put(w.service.url, token, sha256Of(stray), stray);
    expect([r1.status, ((await r1.json()) as { error: { details: { reason: string } } }).error.details.reason]).toEqual(
      [409, 'no_reference'],
    );
    const r2 = await put(w.service.url, token, sha, stray);
    expect(r2.status).toBe(400);
    const r3 = await put(w.service.url, token, sha, png, 'image/jpeg');
    expect(r3.status).toBe(400);
    const r4 = await put(w.service.url, '', sha, png);
    expect(r4.status).toBe(401);
    expect((await put(w.service.url, token, sha, png)).status).toBe(201);
    expect((await put(w.service.url, token, sha, png)).status).toBe(200);
    const arrivals = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM attachment_arrivals WHERE sha256 = ${sha}`.execute(w.service.db.admin);
    expect(arrivals.rows[0].n).toBe(1);

    // A restaurant kiosk never gets the vessel's photo, even knowing its hash.
    const { kiosk: bistro } = await enrolledKiosk(w.service, 'restaurant');
    const other = await fetch(`${w.service.url}/v1/attachments/${sha}`, {
      headers: { authorization: `Bearer ${deviceTokenOf(bistro)}` },
    });
    expect(other.status).toBe(404);
    const own = await fetch(`${w.service.url}/v1/attachments/${sha}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect([own.status, sha256Of(new Uint8Array(await own.arrayBuffer()))]).toEqual([200, sha]);
  });

  it('waits off an expensive link: nothing goes by satellite in the bulk lane', async () => {
    const w = await vesselWorld();
    const engine = await w.kiosk('Engine room');
    const { id } = await report(engine, 'low', w.now());
    const crew = await signIn(engine, 'crew', 'vessel');
    await ok(
      call(
        engine,
        'incidents.addPhoto',
        { incidentId: id, photo: { mime: 'image/png', base64: b64(await picture('sat')) } },
        crew,
      ),
    );
    await engine.sync!.syncNow();
    let expensive = true;
    const lane = createAttachmentTransfer({
      store: engine.store,
      files: engine.attachmentFiles,
      siteId: engine.siteId,
      upstream: () => w.service.url,
      viaHub: () => false,
      token: () => deviceTokenOf(engine),
      expensive: () => expensive,
      clock: engine.clock,
      log: quietLog,
    });
    expect(await lane.run()).toEqual({ sent: 0, fetched: 0, held: 'expensive' });
    expensive = false;
    expect(await lane.run()).toEqual({ sent: 1, fetched: 0 });
  });

  it('through the site hub with shore cut: a photo from one kiosk shows on another, and reaches shore once it is back', async () => {
    const w = await vesselWorld();
    const site = await siteBehindHub(w.service, 'vessel', ['Engine room', 'Bridge']);
    const { hub } = site;
    const [engine, bridge] = site.kiosks as [Kiosk, Kiosk];
    site.cut();

    const { id } = await report(engine, 'high', Date.parse('2026-11-22T09:00:00Z'));
    const crew = await signIn(engine, 'crew', 'vessel');
    const png = await picture('engine room, shore away');
    const added = await ok<{ id: string }>(
      call(engine, 'incidents.addPhoto', { incidentId: id, photo: { mime: 'image/png', base64: b64(png) } }, crew),
    );
    await engine.sync!.syncNow();
    expect(engine.sync!.onHub).toBe(true);
    // Kept on the hub, not yet ashore.
    expect(await engine.attachments!.pulled()).toMatchObject({ sent: 0 });
    expect(hub.attachmentFiles.has(sha256Of(png))).toBe(true);

    for (const k of [hub, bridge]) await k.sync!.syncNow();
    const officer = await signIn(bridge, 'officer', 'vessel');
    expect(await photosOn(bridge, id, officer)).toMatchObject([{ id: added.id, here: false, ashore: false }]);
    expect(await bridge.attachments!.pulled()).toMatchObject({ fetched: 1 });
    expect(await photosOn(bridge, id, officer)).toMatchObject([{ here: true, ashore: false }]);

    // Shore back: the reference is relayed, then the photo goes through the hub and arrives once.
    await site.restore();
    await engine.sync!.syncNow();
    expect(await engine.attachments!.pulled()).toMatchObject({ sent: 1 });
    await hub.hub!.upstream.pullNow();
    for (const k of [engine, bridge]) await k.sync!.syncNow();
    expect(await photosOn(bridge, id, officer)).toMatchObject([{ here: true, ashore: true }]);
    const arrivals = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM attachment_arrivals WHERE sha256 = ${sha256Of(png)}`.execute(w.service.db.admin);
    expect(arrivals.rows[0].n).toBe(1);
  });

  it('a picture added while writing a module reaches the other kiosks, and only training pictures are read as such (issue 18 §2)', async () => {
    const w = await vesselWorld();
    const office = await w.kiosk('Ship office');
    const mess = await w.kiosk('Mess room');
    const admin = await signIn(office, 'admin', 'vessel');
    const moduleId = '0190f0f0-0000-7000-8000-0000000000aa';
    const png = await picture('lifejacket donning, step 3');
    const { image } = await ok<{ image: string }>(
      call(office, 'training.addImage', { moduleId, photo: { mime: 'image/png', base64: b64(png) } }, admin),
    );
    expect(image).toBe(`sha256:${sha256Of(png)}`);
    const crewHere = await signIn(office, 'crew', 'vessel');
    const refused = await call(
      office,
      'training.addImage',
      { moduleId, photo: { mime: 'image/png', base64: b64(png) } },
      crewHere,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await office.sync!.syncNow();
    expect(await office.attachments!.pulled()).toMatchObject({ sent: 1 });
    await mess.sync!.syncNow();
    const crew = await signIn(mess, 'crew', 'vessel');
    expect(await call(mess, 'training.image', { image }, crew)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await mess.attachments!.pulled()).toMatchObject({ fetched: 1 });
    expect(await ok(call(mess, 'training.image', { image }, crew))).toEqual({ mime: 'image/png', base64: b64(png) });

    // An incident photo's hash does not open it as a training picture.
    const { id } = await report(mess, 'low', w.now());
    const photo = await picture('a confidential scene');
    await ok(
      call(mess, 'incidents.addPhoto', { incidentId: id, photo: { mime: 'image/png', base64: b64(photo) } }, crew),
    );
    const asTraining = await call(mess, 'training.image', { image: `sha256:${sha256Of(photo)}` }, crew);
    expect(asTraining).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
