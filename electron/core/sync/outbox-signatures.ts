import type { SignedFields } from '../../../shared/sync/mutation-signature.js';
import type { Store } from '../db/store.js';

interface Entry {
  seq: number;
  name: string;
  version: number;
  args: string;
  hlc: string;
  user_id: string | null;
}

/**
 * Signs outbox entries again where what the signature covers changed on this kiosk: entries
 * renumbered after shore asked for it (a restored kiosk database), and entries queued before
 * mutations were signed (migration 0008 left them ''). Only this kiosk can do it, with its own
 * key; a relay cannot, which is the point. Runs inside the caller's transaction when there is one.
 */
export function createOutboxSigner(deps: {
  store: Store;
  deviceId: string;
  siteId: string;
  sign: (f: SignedFields) => string;
}) {
  const db = deps.store.raw;
  const from = db.prepare('SELECT seq, name, version, args, hlc, user_id FROM outbox WHERE seq >= ? ORDER BY seq');
  const unsignedOutbox = db.prepare(
    "SELECT seq, name, version, args, hlc, user_id FROM outbox WHERE sig = '' ORDER BY seq",
  );
  const unsignedSettled = db.prepare(
    "SELECT seq, name, version, args, hlc, user_id FROM settled_mutations WHERE sig = '' ORDER BY seq",
  );
  const putOutbox = db.prepare('UPDATE outbox SET sig = ? WHERE seq = ?');
  const putSettled = db.prepare('UPDATE settled_mutations SET sig = ? WHERE seq = ?');
  const sigOf = (e: Entry) =>
    deps.sign({
      deviceId: deps.deviceId,
      siteId: deps.siteId,
      seq: e.seq,
      name: e.name,
      version: e.version,
      hlc: e.hlc,
      userId: e.user_id,
      args: JSON.parse(e.args) as unknown,
    });
  return {
    /** Signs again every outbox entry from `seq` on (after a renumbering). */
    resignFrom(seq: number): void {
      for (const e of from.all(seq) as Entry[]) putOutbox.run(sigOf(e), e.seq);
    },
    /**
     * Signs the outbox entries still unsigned (the kiosk signs an entry when a push first reads
     * it); returns how many. Only the outbox: settled entries were signed before they settled, or
     * at start by `signUnsigned`, so each push does not scan the retention table again.
     */
    signQueued(): Promise<number> {
      return deps.store.transaction(async () => {
        let n = 0;
        for (const e of unsignedOutbox.all() as Entry[]) n += putOutbox.run(sigOf(e), e.seq).changes;
        return n;
      });
    },
    /** Signs the entries queued or settled before mutations were signed; returns how many. */
    signUnsigned(): Promise<number> {
      return deps.store.transaction(async () => {
        let n = 0;
        for (const e of unsignedOutbox.all() as Entry[]) n += putOutbox.run(sigOf(e), e.seq).changes;
        for (const e of unsignedSettled.all() as Entry[]) n += putSettled.run(sigOf(e), e.seq).changes;
        return n;
      });
    },
  };
}

export type OutboxSigner = ReturnType<typeof createOutboxSigner>;
