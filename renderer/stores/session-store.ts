import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodOutput } from '../../shared/api/contract.js';
import type { ErrorCode, ErrorData } from '../../shared/errors.js';

export type UserTile = MethodOutput<'auth.users'>[number];
export type SessionInfo = MethodOutput<'auth.signIn'>;

/** Where the kiosk is: starting up, waiting for a PIN, in use, or locked on a person's session. */
export type SessionPhase = 'starting' | 'signed-out' | 'active' | 'locked';

export interface SessionState {
  phase: SessionPhase;
  users: UserTile[];
  selectedUserId: string | null;
  session: SessionInfo | null;
  /** The last failed sign-in, unlock or user-list load, shown on the PIN pad or lock screen. */
  error: ErrorData | null;
  /** Why the last session ended when the person did not sign out themselves. */
  endedReason: 'expired' | null;
  busy: boolean;
  signIn(pin: string): Promise<boolean>;
  unlock(pin: string): Promise<boolean>;
  signOut(): Promise<void>;
  start(): Promise<void>;
  loadUsers(): Promise<void>;
  selectUser(userId: string | null): void;
  reportActivity(): void;
  handleEvent(event: CoreEvent): void;
  /** Any call's failure goes through here so a locked or expired session is noticed at once. */
  handleCallError(code: ErrorCode): void;
}

/** Where the session token lives between reloads (sessionStorage in the browser). */
export interface TokenStorage {
  get(): string | null;
  set(token: string | null): void;
}

export interface SessionStoreDeps {
  api: Pick<ApiClient, 'call' | 'setToken' | 'token'>;
  tokens?: TokenStorage;
  now?: () => number;
  /** Told after every token change (the HTTP transport re-announces it on its event socket). */
  onTokenChange?: (token: string | null) => void;
}

/** Activity reaches the core at most this often; every call already counts, so this is a floor. */
export const ACTIVITY_REPORT_INTERVAL_MS = 15_000;

const memoryTokens = (): TokenStorage => {
  let t: string | null = null;
  return { get: () => t, set: (v) => void (t = v) };
};

/**
 * The person at the kiosk: the tiles to pick from, the PIN sign-in, the session and its lock.
 * Vanilla zustand, no React: the screens read it, the tests drive it with a fake transport.
 *
 * @example
 * const session = createSessionStore({ api });
 * await session.getState().start();
 * session.getState().selectUser(users[0].id);
 * await session.getState().signIn('1111');
 */
export function createSessionStore({ api, tokens = memoryTokens(), now = Date.now, onTokenChange }: SessionStoreDeps) {
  let lastActivityReport = 0;

  return createStore<SessionState>()((set, get) => {
    const setToken = (token: string | null) => {
      api.setToken(token);
      tokens.set(token);
      onTokenChange?.(token);
    };

    const enter = (session: SessionInfo) => {
      setToken(session.token);
      lastActivityReport = now();
      set({
        phase: session.state === 'locked' ? 'locked' : 'active',
        session,
        error: null,
        endedReason: null,
        busy: false,
      });
    };

    /** Forget the session locally and go back to the people tiles. */
    const leave = (endedReason: 'expired' | null) => {
      setToken(null);
      set({ phase: 'signed-out', session: null, selectedUserId: null, error: null, endedReason, busy: false });
      void get().loadUsers();
    };

    return {
      phase: 'starting',
      users: [],
      selectedUserId: null,
      session: null,
      error: null,
      endedReason: null,
      busy: false,

      async start() {
        const saved = tokens.get();
        if (saved) {
          api.setToken(saved);
          const r = await api.call('auth.session', {});
          if (r.ok && r.value) {
            enter(r.value);
            return;
          }
          setToken(null);
        }
        set({ phase: 'signed-out' });
        await get().loadUsers();
      },

      async loadUsers() {
        const r = await api.call('auth.users', {});
        if (r.ok) {
          const stillThere = r.value.some((u) => u.id === get().selectedUserId);
          const staleError = get().users.length === 0 && get().selectedUserId === null;
          set({
            users: r.value,
            ...(stillThere ? {} : { selectedUserId: null }),
            ...(staleError ? { error: null } : {}),
          });
        } else {
          set({ error: r.error });
        }
      },

      selectUser(userId) {
        set({ selectedUserId: userId, error: null, endedReason: null });
      },

      async signIn(pin) {
        const userId = get().selectedUserId;
        if (!userId || get().busy) return false;
        set({ busy: true, error: null });
        const r = await api.call('auth.signIn', { userId, pin });
        if (r.ok) {
          enter(r.value);
          return true;
        }
        set({ busy: false, error: r.error });
        // A lockout changes the tile (it shows until when); refresh the list quietly.
        if (r.error.code === 'USER_LOCKED') void get().loadUsers();
        return false;
      },

      async unlock(pin) {
        if (get().phase !== 'locked' || get().busy) return false;
        set({ busy: true, error: null });
        const r = await api.call('auth.unlock', { pin });
        if (r.ok) {
          enter(r.value);
          return true;
        }
        if (r.error.code === 'SESSION_EXPIRED' || r.error.code === 'UNAUTHENTICATED') {
          leave('expired');
          return false;
        }
        set({ busy: false, error: r.error });
        return false;
      },

      async signOut() {
        if (get().phase === 'starting') return;
        set({ busy: true });
        await api.call('auth.signOut', {});
        leave(null);
      },

      reportActivity() {
        if (get().phase !== 'active') return;
        const t = now();
        if (t - lastActivityReport < ACTIVITY_REPORT_INTERVAL_MS) return;
        lastActivityReport = t;
        void api.call('auth.activity', {}).then((r) => {
          if (!r.ok) get().handleCallError(r.error.code);
        });
      },

      handleEvent(event) {
        if (event.type === 'session.locked') {
          if (get().phase === 'active')
            set({ phase: 'locked', error: null, busy: false, session: lockedCopy(get().session) });
        } else if (event.type === 'session.ended') {
          if (get().phase === 'active' || get().phase === 'locked')
            leave(event.reason === 'expired' ? 'expired' : null);
        }
      },

      handleCallError(code) {
        const phase = get().phase;
        if (phase !== 'active' && phase !== 'locked') return;
        if (code === 'SESSION_LOCKED' && phase === 'active')
          set({ phase: 'locked', error: null, busy: false, session: lockedCopy(get().session) });
        else if (code === 'SESSION_EXPIRED' || code === 'UNAUTHENTICATED') leave('expired');
      },
    };
  });
}

const lockedCopy = (s: SessionInfo | null): SessionInfo | null => (s ? { ...s, state: 'locked' } : s);

export type SessionStore = ReturnType<typeof createSessionStore>;
