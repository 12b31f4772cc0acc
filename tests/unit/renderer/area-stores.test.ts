import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client.js';
import { createAdminStore } from '../../../renderer/stores/admin-store.js';
import { createAreasStore } from '../../../renderer/stores/areas-store.js';
import { createAuditStore } from '../../../renderer/stores/audit-store.js';
import { createFakeTransport, err, ok } from './fake-transport.js';

const ROLE_A = '00000000-0000-4000-8000-00000000000a';
const ROLE_B = '00000000-0000-4000-8000-00000000000b';
const USER = '00000000-0000-4000-8000-000000000001';

describe('areas store', () => {
  it('loads the areas in home-screen order and drops ids it does not know', async () => {
    const fake = createFakeTransport({ 'home.areas': () => ok(['incidents', 'mystery', 'training']) });
    const store = createAreasStore({ api: createApiClient(fake.transport) });
    await store.getState().load();
    expect(store.getState().areas).toEqual(['training', 'incidents']);
    store.getState().clear();
    expect(store.getState().areas).toBeNull();
  });

  it('a load that finishes after clear() does not bring the areas back', async () => {
    let release!: () => void;
    const fake = createFakeTransport({ 'home.areas': () => new Promise((r) => (release = () => r(ok(['training'])))) });
    const store = createAreasStore({ api: createApiClient(fake.transport) });
    const loading = store.getState().load();
    store.getState().clear();
    release();
    await loading;
    expect(store.getState().areas).toBeNull();
  });
});

describe('audit store', () => {
  it('keeps FORBIDDEN as data for the screen', async () => {
    const fake = createFakeTransport({ 'audit.list': () => err('FORBIDDEN') });
    const store = createAuditStore({ api: createApiClient(fake.transport) });
    await store.getState().load();
    expect(store.getState().error?.code).toBe('FORBIDDEN');
    expect(store.getState().entries).toBeNull();
    expect(store.getState().loading).toBe(false);
  });

  it('asks for one page of entries', async () => {
    const fake = createFakeTransport({ 'audit.list': () => ok([]) });
    const store = createAuditStore({ api: createApiClient(fake.transport) });
    await store.getState().load();
    expect(fake.callsTo('audit.list')[0].input).toEqual({ limit: 200 });
    expect(store.getState().entries).toEqual([]);
    expect(store.getState().hasMore).toBe(false);
  });

  const entry = (i: number) => ({
    id: `0193a4f0-0000-7000-8000-${String(i).padStart(12, '0')}`,
    action: 'sites.setIdleLock',
    area: 'settings',
    actorName: 'Sophie Laurent',
    subjectName: null,
    detail: { seconds: i },
    createdAt: `2026-11-22T09:00:${String(59 - (i % 60)).padStart(2, '0')}.000Z`,
    deviceId: '0193a4f0-0000-7000-8000-0000000000d1',
    deviceName: 'Back office',
    self: true,
  });

  it('sends only the filters set, pages on the last entry shown, and keeps the filters for the next page', async () => {
    const pages = [Array.from({ length: 200 }, (_, i) => entry(i)), [entry(200)]];
    const fake = createFakeTransport({
      'audit.list': () => ok(pages.shift() ?? []),
      'audit.people': () => ok([{ id: USER, name: 'Emma Dubois' }]),
    });
    const store = createAuditStore({ api: createApiClient(fake.transport) });
    await store.getState().load({ actorUserId: USER, area: 'settings', from: '2026-11-22', to: '' });
    expect(fake.callsTo('audit.list')[0].input).toEqual({
      limit: 200,
      actorUserId: USER,
      area: 'settings',
      from: '2026-11-22',
    });
    expect(store.getState().people).toEqual([{ id: USER, name: 'Emma Dubois' }]);
    expect(store.getState().hasMore).toBe(true);
    await store.getState().loadMore();
    expect(fake.callsTo('audit.list')[1].input).toEqual({
      limit: 200,
      actorUserId: USER,
      area: 'settings',
      from: '2026-11-22',
      before: entry(199).createdAt,
      beforeId: entry(199).id,
    });
    expect(store.getState().entries).toHaveLength(201);
    expect(store.getState().hasMore).toBe(false);
    // The people are asked for once, not on every change of filter.
    await store.getState().load();
    expect(fake.callsTo('audit.people')).toHaveLength(1);
  });

  it('drops a page asked for under filters changed since', async () => {
    let release: (() => void) | undefined;
    const fake = createFakeTransport({
      'audit.list': (input) =>
        (input as { area?: string }).area === 'fuel'
          ? new Promise((r) => (release = () => r(ok([entry(1)]))))
          : ok([entry(2)]),
      'audit.people': () => ok([]),
    });
    const store = createAuditStore({ api: createApiClient(fake.transport) });
    const slow = store.getState().load({ actorUserId: '', area: 'fuel', from: '', to: '' });
    await store.getState().load({ actorUserId: '', area: 'tables', from: '', to: '' });
    release?.();
    await slow;
    expect(store.getState().filters.area).toBe('tables');
    expect(store.getState().entries?.map((e) => e.id)).toEqual([entry(2).id]);
  });
});

describe('admin store', () => {
  const users = [
    {
      id: USER,
      displayName: 'Emma Dubois',
      roleCode: 'staff',
      roleName: { en: 'Staff', fr: 'Employé' },
      lockedUntil: null,
      roleId: ROLE_A,
    },
  ];
  const roles = [
    { id: ROLE_A, code: 'staff', name: { en: 'Staff', fr: 'Employé' } },
    { id: ROLE_B, code: 'waiter', name: { en: 'Waiter', fr: 'Serveur' } },
  ];
  const setup = () => {
    const fake = createFakeTransport({
      'admin.users': () => ok({ users, roles }),
      'admin.setRole': () => ok({ ok: true }),
      'admin.createUser': () => ok({ id: '00000000-0000-4000-8000-000000000009' }),
      'admin.setIdleLock': () => ok({ ok: true }),
    });
    return { fake, store: createAdminStore({ api: createApiClient(fake.transport) }) };
  };

  it('changes a role, reloads the list and says for whom', async () => {
    const { fake, store } = setup();
    await store.getState().load();
    expect(await store.getState().setRole(USER, ROLE_B)).toBe(true);
    expect(fake.callsTo('admin.setRole')[0].input).toEqual({ userId: USER, roleId: ROLE_B });
    expect(fake.callsTo('admin.users')).toHaveLength(2);
    expect(store.getState().notice).toEqual({ kind: 'role-changed', name: 'Emma Dubois' });
  });

  it('adds a person and sets the idle lock', async () => {
    const { fake, store } = setup();
    await store.getState().load();
    expect(
      await store.getState().createUser({ displayName: ' Jules ', locale: 'fr', pin: '8080', roleId: ROLE_A }),
    ).toBe(true);
    expect(store.getState().notice).toEqual({ kind: 'user-created', name: 'Jules' });
    expect(await store.getState().setIdleLock(300)).toBe(true);
    expect(fake.callsTo('admin.setIdleLock')[0].input).toEqual({ seconds: 300 });
    expect(store.getState().notice).toEqual({ kind: 'idle-lock-saved', seconds: 300 });
  });

  it('keeps a refused change as an error and no notice', async () => {
    const { fake, store } = setup();
    fake.handlers['admin.setIdleLock'] = () => err('FORBIDDEN');
    expect(await store.getState().setIdleLock(300)).toBe(false);
    expect(store.getState().error?.code).toBe('FORBIDDEN');
    expect(store.getState().notice).toBeNull();
    expect(store.getState().saving).toBe(false);
  });
});
