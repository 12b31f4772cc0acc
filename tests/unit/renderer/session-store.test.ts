import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client.js';
import {
  ACTIVITY_REPORT_INTERVAL_MS,
  createSessionStore,
  type TokenStorage,
} from '../../../renderer/stores/session-store.js';
import { USERS, createFakeTransport, err, flush, ok, sessionFor } from './fake-transport.js';

function setup(extra: Parameters<typeof createFakeTransport>[0] = {}, opts: { saved?: string | null } = {}) {
  const fake = createFakeTransport({
    'auth.users': () => ok(USERS),
    'auth.signIn': (input) =>
      (input as { pin: string }).pin === '1111' ? ok(sessionFor()) : err('PIN_INVALID', { attemptsLeft: 4 }),
    'auth.unlock': (input) =>
      (input as { pin: string }).pin === '1111' ? ok(sessionFor()) : err('PIN_INVALID', { attemptsLeft: 3 }),
    'auth.signOut': () => ok({ ok: true }),
    'auth.activity': () => ok({ ok: true }),
    'auth.session': () => ok(null),
    ...extra,
  });
  const api = createApiClient(fake.transport);
  let saved: string | null = opts.saved ?? null;
  const tokens: TokenStorage = { get: () => saved, set: (t) => void (saved = t) };
  let now = 1_000_000;
  const tokenChanges: (string | null)[] = [];
  const store = createSessionStore({ api, tokens, now: () => now, onTokenChange: (t) => tokenChanges.push(t) });
  return { fake, api, store, tokens, tokenChanges, saved: () => saved, advance: (ms: number) => void (now += ms) };
}

async function signedIn() {
  const s = setup();
  await s.store.getState().start();
  s.store.getState().selectUser(USERS[0].id);
  await s.store.getState().signIn('1111');
  return s;
}

describe('session store', () => {
  it('starts signed out with the people tiles when no session was saved', async () => {
    const { store } = setup();
    expect(store.getState().phase).toBe('starting');
    await store.getState().start();
    expect(store.getState().phase).toBe('signed-out');
    expect(store.getState().users.map((u) => u.displayName)).toEqual(['Camille Martin', 'Emma Dubois']);
  });

  it('signs in with the selected person and PIN, and keeps the token for later calls', async () => {
    const { store, api, fake, saved, tokenChanges } = await signedIn();
    expect(store.getState().phase).toBe('active');
    expect(store.getState().session?.user.displayName).toBe('Camille Martin');
    expect(fake.callsTo('auth.signIn')[0].input).toEqual({ userId: USERS[0].id, pin: '1111' });
    expect(api.token()).toBe('tok-1');
    expect(saved()).toBe('tok-1');
    expect(tokenChanges).toEqual(['tok-1']);
  });

  it('does not call sign-in before a person is selected', async () => {
    const { store, fake } = setup();
    await store.getState().start();
    expect(await store.getState().signIn('1111')).toBe(false);
    expect(fake.callsTo('auth.signIn')).toHaveLength(0);
  });

  it('keeps a wrong PIN error as data for the screen to translate', async () => {
    const { store } = setup();
    await store.getState().start();
    store.getState().selectUser(USERS[0].id);
    expect(await store.getState().signIn('0000')).toBe(false);
    expect(store.getState().phase).toBe('signed-out');
    expect(store.getState().error).toMatchObject({ code: 'PIN_INVALID', details: { attemptsLeft: 4 } });
    expect(store.getState().busy).toBe(false);
  });

  it('refreshes the tiles after a lockout so they show until when', async () => {
    const { store, fake } = setup({
      'auth.signIn': () => err('USER_LOCKED', { lockedUntil: '2026-01-01T08:15:00.000Z' }),
    });
    await store.getState().start();
    store.getState().selectUser(USERS[0].id);
    await store.getState().signIn('1111');
    await flush();
    expect(store.getState().error?.code).toBe('USER_LOCKED');
    expect(fake.callsTo('auth.users')).toHaveLength(2);
  });

  it('selecting another person clears the previous error', async () => {
    const { store } = setup();
    await store.getState().start();
    store.getState().selectUser(USERS[0].id);
    await store.getState().signIn('0000');
    store.getState().selectUser(USERS[1].id);
    expect(store.getState().error).toBeNull();
  });

  it('restores a saved session on start', async () => {
    const { store, fake } = setup(
      { 'auth.session': (_i, token) => ok(token === 'saved' ? sessionFor(USERS[1], 'saved') : null) },
      { saved: 'saved' },
    );
    await store.getState().start();
    expect(store.getState().phase).toBe('active');
    expect(store.getState().session?.user.displayName).toBe('Emma Dubois');
    expect(fake.callsTo('auth.session')[0].token).toBe('saved');
  });

  it('forgets a saved token the core no longer knows', async () => {
    const { store, saved, api } = setup({ 'auth.session': () => ok(null) }, { saved: 'stale' });
    await store.getState().start();
    expect(store.getState().phase).toBe('signed-out');
    expect(saved()).toBeNull();
    expect(api.token()).toBeNull();
  });

  it('locks on a session.locked event and unlocks with the PIN', async () => {
    const { store, fake } = await signedIn();
    store.getState().handleEvent({ type: 'session.locked', reason: 'idle' });
    expect(store.getState().phase).toBe('locked');
    expect(store.getState().session?.user.displayName).toBe('Camille Martin');

    expect(await store.getState().unlock('0000')).toBe(false);
    expect(store.getState().phase).toBe('locked');
    expect(store.getState().error?.code).toBe('PIN_INVALID');

    expect(await store.getState().unlock('1111')).toBe(true);
    expect(store.getState().phase).toBe('active');
    expect(store.getState().error).toBeNull();
    expect(fake.callsTo('auth.unlock')[1].token).toBe('tok-1');
  });

  it('goes back to the tiles on session.ended, noting an expiry', async () => {
    const { store, api } = await signedIn();
    store.getState().handleEvent({ type: 'session.ended', reason: 'expired' });
    expect(store.getState().phase).toBe('signed-out');
    expect(store.getState().endedReason).toBe('expired');
    expect(store.getState().session).toBeNull();
    expect(api.token()).toBeNull();
  });

  it('ignores session events while nobody is signed in', async () => {
    const { store } = setup();
    await store.getState().start();
    store.getState().handleEvent({ type: 'session.locked', reason: 'idle' });
    store.getState().handleEvent({ type: 'session.ended', reason: 'signed_out' });
    expect(store.getState().phase).toBe('signed-out');
  });

  it('signs out: tells the core, forgets the token, reloads the tiles', async () => {
    const { store, fake, saved } = await signedIn();
    await store.getState().signOut();
    expect(fake.callsTo('auth.signOut')[0].token).toBe('tok-1');
    expect(store.getState().phase).toBe('signed-out');
    expect(store.getState().selectedUserId).toBeNull();
    expect(saved()).toBeNull();
  });

  it('signs out locally even when the core cannot be reached', async () => {
    const { store, fake } = await signedIn();
    fake.handlers['auth.signOut'] = () => err('INTERNAL', { reason: 'unreachable' });
    await store.getState().signOut();
    expect(store.getState().phase).toBe('signed-out');
  });

  it('reports activity at most every 15 s, and only while active', async () => {
    const { store, fake, advance } = await signedIn();
    store.getState().reportActivity();
    expect(fake.callsTo('auth.activity')).toHaveLength(0); // sign-in itself was activity
    advance(ACTIVITY_REPORT_INTERVAL_MS);
    store.getState().reportActivity();
    store.getState().reportActivity();
    expect(fake.callsTo('auth.activity')).toHaveLength(1);
    advance(ACTIVITY_REPORT_INTERVAL_MS - 1);
    store.getState().reportActivity();
    expect(fake.callsTo('auth.activity')).toHaveLength(1);
    advance(1);
    store.getState().reportActivity();
    expect(fake.callsTo('auth.activity')).toHaveLength(2);

    store.getState().handleEvent({ type: 'session.locked', reason: 'idle' });
    advance(ACTIVITY_REPORT_INTERVAL_MS);
    store.getState().reportActivity();
    expect(fake.callsTo('auth.activity')).toHaveLength(2);
  });

  it('locks when an activity report finds the session locked', async () => {
    const { store, fake, advance } = await signedIn();
    fake.handlers['auth.activity'] = () => err('SESSION_LOCKED');
    advance(ACTIVITY_REPORT_INTERVAL_MS);
    store.getState().reportActivity();
    await flush();
    expect(store.getState().phase).toBe('locked');
  });

  it('treats SESSION_LOCKED / SESSION_EXPIRED from any call as lock / end', async () => {
    const { store } = await signedIn();
    store.getState().handleCallError('FORBIDDEN');
    expect(store.getState().phase).toBe('active');
    store.getState().handleCallError('SESSION_LOCKED');
    expect(store.getState().phase).toBe('locked');
    store.getState().handleCallError('SESSION_EXPIRED');
    expect(store.getState().phase).toBe('signed-out');
    expect(store.getState().endedReason).toBe('expired');
  });

  it('an unlock refused because the session expired goes back to the tiles', async () => {
    const { store, fake } = await signedIn();
    store.getState().handleEvent({ type: 'session.locked', reason: 'idle' });
    fake.handlers['auth.unlock'] = () => err('SESSION_EXPIRED');
    await store.getState().unlock('1111');
    expect(store.getState().phase).toBe('signed-out');
  });
});

describe('session store when the kiosk service is down', () => {
  it('shows the load error, and a retry that works clears it', async () => {
    const { store, fake } = setup({ 'auth.users': () => err('INTERNAL', { reason: 'unreachable' }) });
    await store.getState().start();
    expect(store.getState().error?.details?.reason).toBe('unreachable');
    fake.handlers['auth.users'] = () => ok(USERS);
    await store.getState().loadUsers();
    expect(store.getState().users).toHaveLength(2);
    expect(store.getState().error).toBeNull();
  });
});
