import { describe, expect, it } from 'vitest';
import { createServices } from '../../../renderer/app/create-services.js';
import type { HashLocation } from '../../../renderer/stores/route-store.js';
import { STATUS, USERS, createFakeTransport, err, flush, ok, sessionFor } from './fake-transport.js';

function setup() {
  const fake = createFakeTransport({
    'app.info': () =>
      ok({
        version: '0.1.0',
        deviceId: 'd',
        site: {
          id: '00000000-0000-4000-8000-0000000000aa',
          name: 'Le Petit Bistro',
          kind: 'restaurant',
          timezone: 'Europe/Paris',
          idleLockSeconds: 120,
        },
        demo: true,
      }),
    'status.get': () => ok(STATUS),
    'auth.users': () => ok(USERS),
    'auth.session': () => ok(null),
    'auth.signIn': () => ok(sessionFor()),
    'auth.signOut': () => ok({ ok: true }),
    'home.areas': () => ok(['training', 'audit']),
    'audit.list': () => err('SESSION_LOCKED'),
  });
  let hash = '#/';
  const location: HashLocation = { get: () => hash, set: (h) => void (hash = h), listen: () => () => {} };
  const intervals: (() => void)[] = [];
  let tokenChanges = 0;
  const { services, start } = createServices({
    transport: fake.transport,
    location,
    tokenChanged: () => void tokenChanges++,
    setInterval: (fn) => (intervals.push(fn), intervals.length),
    clearInterval: () => {},
  });
  return { fake, services, start, intervals, hash: () => hash, tokenChanges: () => tokenChanges };
}

async function signIn(s: ReturnType<typeof setup>) {
  s.start();
  await flush();
  s.services.session.getState().selectUser(USERS[0].id);
  await s.services.session.getState().signIn('1111');
  await flush();
}

describe('app services wiring', () => {
  it('on start loads the site, the sync status and the people', async () => {
    const s = setup();
    s.start();
    await flush();
    expect(s.services.appInfo.getState().info?.site.name).toBe('Le Petit Bistro');
    expect(s.services.status.getState().status?.pendingCount).toBe(3);
    expect(s.services.session.getState().users).toHaveLength(2);
    expect(s.fake.listenerCount()).toBe(1);
  });

  it('loads the areas after sign-in, tells the transport about the token, clears both on sign-out', async () => {
    const s = setup();
    await signIn(s);
    expect(s.services.areas.getState().areas).toEqual(['training', 'audit']);
    expect(s.fake.callsTo('home.areas')[0].token).toBe('tok-1');
    expect(s.tokenChanges()).toBe(1);
    s.services.route.getState().go({ name: 'area', area: 'audit' });
    await s.services.session.getState().signOut();
    expect(s.services.areas.getState().areas).toBeNull();
    expect(s.services.route.getState().route).toEqual({ name: 'home' });
    expect(s.hash()).toBe('#/');
  });

  it('any call that finds the session locked locks the kiosk', async () => {
    const s = setup();
    await signIn(s);
    await s.services.audit.getState().load();
    expect(s.services.session.getState().phase).toBe('locked');
  });

  it('routes core events to the session and status stores', async () => {
    const s = setup();
    await signIn(s);
    s.fake.emit({ type: 'status.changed', status: { ...STATUS, pendingCount: 7 } });
    expect(s.services.status.getState().status?.pendingCount).toBe(7);
    s.fake.emit({ type: 'session.locked', reason: 'idle' });
    expect(s.services.session.getState().phase).toBe('locked');
  });

  it('polls the status in case an event was missed; stop() unsubscribes', async () => {
    const s = setup();
    const stop = s.start();
    await flush();
    const before = s.fake.callsTo('status.get').length;
    s.intervals[0]();
    await flush();
    expect(s.fake.callsTo('status.get').length).toBe(before + 1);
    stop();
    expect(s.fake.listenerCount()).toBe(0);
  });

  it('api.get throws ApiError once, without calling twice', async () => {
    const s = setup();
    await signIn(s);
    await expect(s.services.api.get('audit.list', { limit: 1 })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'SESSION_LOCKED',
    });
    expect(s.fake.callsTo('audit.list')).toHaveLength(1);
  });

  it('a call made before this sign-in that answers "not signed in" late does not end the new session', async () => {
    const s = setup();
    await signIn(s);
    await s.services.session.getState().signOut();
    // A screen still open at sign-out asks for its data once more, with no token; the answer is slow.
    let answer: (r: ReturnType<typeof err>) => void = () => {};
    s.fake.handlers['sync.conflicts'] = () => new Promise((resolve) => (answer = resolve));
    const late = s.services.api.call('sync.conflicts', {});
    s.fake.handlers['auth.signIn'] = () => ok(sessionFor(USERS[1], 'tok-2'));
    s.services.session.getState().selectUser(USERS[1].id);
    await s.services.session.getState().signIn('3333');
    answer(err('UNAUTHENTICATED'));
    await late;
    await flush();
    expect(s.services.session.getState().phase).toBe('active');
    expect(s.services.session.getState().endedReason).toBeNull();
  });

  it('the next person starts on their home screen, whatever area the last one left open', async () => {
    const s = setup();
    await signIn(s);
    s.services.route.getState().go({ name: 'area', area: 'sync' });
    await s.services.session.getState().signOut();
    s.services.route.getState().go({ name: 'area', area: 'sync' }); // a deep link or back button on the PIN pad
    s.services.session.getState().selectUser(USERS[1].id);
    await s.services.session.getState().signIn('3333');
    expect(s.services.route.getState().route).toEqual({ name: 'home' });
  });

  it('a screen left open at sign-out stops reloading its data for nobody', async () => {
    const s = setup();
    s.fake.handlers['sync.conflicts'] = () => ok({ conflicts: [], deadLetters: [] });
    await signIn(s);
    await s.services.conflicts.getState().load();
    await s.services.session.getState().signOut();
    const before = s.fake.callsTo('sync.conflicts').length;
    s.fake.emit({ type: 'status.changed', status: STATUS });
    await flush();
    expect(s.fake.callsTo('sync.conflicts')).toHaveLength(before);
  });

  it('an open People list shows a role changed on another kiosk as soon as it syncs, and is dropped at sign-out', async () => {
    const s = setup();
    const person = (roleCode: string) => ({
      ...USERS[1],
      roleCode,
      roleName: { en: roleCode, fr: roleCode },
      roleId: '00000000-0000-4000-8000-0000000000b1',
    });
    let role = 'staff';
    s.fake.handlers['admin.users'] = () => ok({ users: [person(role)], roles: [] });
    await signIn(s);
    await s.services.admin.getState().load();
    role = 'waiter';
    s.fake.emit({ type: 'data.changed', tables: ['audit_log'] });
    await flush();
    expect(s.fake.callsTo('admin.users')).toHaveLength(1);
    s.fake.emit({ type: 'data.changed', tables: ['user_roles', 'audit_log'] });
    await flush();
    expect(s.services.admin.getState().users?.[0].roleCode).toBe('waiter');
    await s.services.session.getState().signOut();
    expect(s.services.admin.getState().users).toBeNull();
    s.fake.emit({ type: 'data.changed', tables: ['users'] });
    await flush();
    expect(s.fake.callsTo('admin.users')).toHaveLength(2);
  });
});
