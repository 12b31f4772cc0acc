import { once } from 'node:events';
import WebSocket from 'ws';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { CoreEvent } from '../../../shared/api/contract.js';
import { makeHost, makeKiosk, signIn, type TestKiosk } from '../../helpers/kiosk.js';

/** A browser-mode host on a real port, as the browser reaches it. */
async function listening() {
  const tk = await makeKiosk();
  const host = await makeHost(tk);
  const base = await host.listen({ host: '127.0.0.1', port: 0 });
  return { tk, base };
}

/** An /events socket that records what it receives. */
async function socket(base: string, origin?: string) {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/events`, origin ? { origin } : {});
  onTestFinished(() => ws.terminate());
  const got: CoreEvent[] = [];
  ws.on('message', (data) => got.push(JSON.parse(String(data)) as CoreEvent));
  const closed = once(ws, 'close');
  await Promise.race([once(ws, 'open'), closed]);
  return {
    ws,
    got,
    closed,
    /** Says hello with a token; resolves once the host has read it (a pong follows the hello). */
    async hello(token: string | null) {
      ws.send(JSON.stringify({ type: 'hello', token }));
      await roundTrip(ws);
    },
    async waitFor(match: (e: CoreEvent) => boolean, what: string) {
      const deadline = Date.now() + 5000;
      while (!got.some(match)) {
        if (Date.now() > deadline) throw new Error(`no ${what} within 5 s; got ${JSON.stringify(got)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

/** Frames on one socket are handled in order, so a pong proves every earlier frame was read. */
async function roundTrip(ws: WebSocket) {
  const pong = once(ws, 'pong');
  ws.ping();
  await pong;
}

const api = async (base: string, method: string, input: unknown, token?: string) => {
  const res = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ input }),
  });
  return (await res.json()) as { ok: boolean };
};

async function idleFor(tk: TestKiosk, ms: number) {
  tk.clock.advance(ms);
  await tk.kiosk.tick();
}

const isType = (type: CoreEvent['type']) => (e: CoreEvent) => e.type === type;
const changed = (table: string) => (e: CoreEvent) => e.type === 'data.changed' && e.tables.includes(table);

describe('/events WebSocket', () => {
  it('delivers data.changed after a mutation', async () => {
    const { tk, base } = await listening();
    const s = await socket(base);
    const admin = await signIn(tk.kiosk, 'admin');
    expect(await api(base, 'admin.setIdleLock', { seconds: 300 }, admin)).toMatchObject({ ok: true });
    await s.waitFor(changed('sites'), 'data.changed for sites');
    // The change and its audit entry, in one transaction: one event.
    expect(s.got.filter(changed('sites'))).toEqual([{ type: 'data.changed', tables: ['sites', 'audit_log'] }]);
  });

  it('delivers session.locked only to the socket that said hello with that token', async () => {
    const { tk, base } = await listening();
    const manager = await signIn(tk.kiosk, 'manager');
    await idleFor(tk, 60_000);
    const waiter = await signIn(tk.kiosk, 'waiter');
    const [mine, theirs, anonymous] = [await socket(base), await socket(base), await socket(base)];
    await mine.hello(manager);
    await theirs.hello(waiter);
    for (const s of [mine, theirs, anonymous]) s.got.length = 0;

    await idleFor(tk, 60_000); // the manager has now been idle 120 s, the waiter 60 s
    await mine.waitFor(isType('session.locked'), 'session.locked');
    expect(mine.got.filter(isType('session.locked'))).toEqual([{ type: 'session.locked', reason: 'idle' }]);
    // The lock is audited after the event is sent; once the others see that write, the event has passed them by.
    for (const other of [theirs, anonymous]) {
      await other.waitFor(changed('audit_log'), 'the audit write of the lock');
      expect(other.got.filter(isType('session.locked'))).toEqual([]);
    }
  });

  it('delivers session.ended only to the socket of the session that signed out', async () => {
    const { tk, base } = await listening();
    const manager = await signIn(tk.kiosk, 'manager');
    const waiter = await signIn(tk.kiosk, 'waiter');
    const [mine, theirs] = [await socket(base), await socket(base)];
    await mine.hello(waiter);
    await theirs.hello(manager);
    expect(await api(base, 'auth.signOut', {}, waiter)).toMatchObject({ ok: true });
    await mine.waitFor(isType('session.ended'), 'session.ended');
    expect(mine.got.filter(isType('session.ended'))).toEqual([{ type: 'session.ended', reason: 'signed_out' }]);
    await theirs.waitFor(changed('audit_log'), 'the audit write of the sign-out');
    expect(theirs.got.filter(isType('session.ended'))).toEqual([]);
  });

  it("stops a socket's session events once it says hello with another token", async () => {
    const { tk, base } = await listening();
    const manager = await signIn(tk.kiosk, 'manager');
    const s = await socket(base);
    await s.hello(manager);
    await s.hello(null);
    await idleFor(tk, 120_000);
    await s.waitFor(changed('audit_log'), 'the audit write of the lock');
    expect(s.got.filter(isType('session.locked'))).toEqual([]);
  });

  it('closes a socket opened from another origin', async () => {
    const { base } = await listening();
    const s = await socket(base, 'http://evil.example');
    const [code] = (await s.closed) as [number, Buffer];
    expect(code).toBe(1008);
  });
});
