// Bytes on the wire: the gzip-compressed push body per mutation, for batches of typical mutations
// as a kiosk sends them (the request body the sync client builds, captured at fetch), against the
// row each mutation writes as raw JSON. Run with `npm run bench -- wire-size`.
import type { Kiosk } from '../../electron/core/kiosk.js';
import { demoUserId } from '../../shared/demo.js';
import { newId, roleId } from '../../shared/ids.js';
import { recordAuthEvent } from '../../shared/mutations/audit.js';
import type { MutationDef } from '../../shared/mutations/define.js';
import { createUser, setUserPin } from '../../shared/mutations/users.js';
import { PERMISSIONS } from '../../shared/permissions.js';
import type { Figure } from './bench-kit.js';
import { cheapHashPin, startCentral, watchFetch } from './central.js';

const BATCH = 500;
const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };

interface Case {
  name: string;
  actor: { userId: string | null; permissions: string[] };
  make(i: number): Promise<{ def: MutationDef; args: unknown; row: { table: string; id: string } }>;
}

const CASES: Case[] = [
  {
    name: 'audit.recordAuthEvent',
    actor: { userId: null, permissions: [] },
    make: async (i) => {
      const id = newId();
      return {
        def: recordAuthEvent,
        args: {
          id,
          action: 'auth.sign_in_failed',
          subjectUserId: demoUserId('restaurant', 'Emma Dubois'),
          detail: { triesLeft: 4 - (i % 5) },
        },
        row: { table: 'audit_log', id },
      };
    },
  },
  {
    name: 'users.setPin',
    actor: admin,
    make: async (i) => {
      const auditId = newId();
      return {
        def: setUserPin,
        args: {
          userId: demoUserId('restaurant', 'Hugo Moreau'),
          pinHash: await cheapHashPin(String(1000 + i)),
          auditId,
        },
        row: { table: 'users', id: demoUserId('restaurant', 'Hugo Moreau') },
      };
    },
  },
  {
    name: 'users.create',
    actor: admin,
    make: async (i) => {
      const id = newId();
      return {
        def: createUser,
        args: {
          id,
          auditId: newId(),
          displayName: `Crew member ${i}`,
          locale: 'en',
          pinHash: await cheapHashPin(String(1000 + i)),
          roleId: roleId('waiter'),
        },
        row: { table: 'users', id },
      };
    },
  },
];

const rowJson = (kiosk: Kiosk, table: string, id: string) =>
  JSON.stringify(kiosk.store.raw.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id));

export async function run(): Promise<Figure[]> {
  const central = await startCentral();
  try {
    const figures: Figure[] = [];
    // Batches of 500 as a kiosk back from days offline sends them, and one alone as a live kiosk does.
    const runs = [...CASES.map((c) => ({ c, size: BATCH })), { c: CASES[0], size: 1 }];
    for (const { c, size } of runs) {
      const kiosk = await central.kiosk('restaurant');
      const made = [];
      for (let i = 0; i < size; i++) made.push(await c.make(i));
      await kiosk.runner.runBatch(
        made.map((m) => ({ def: m.def, args: m.args })),
        c.actor,
      );
      // The raw JSON of the row each mutation wrote, as the kiosk holds it.
      const rawBytes = made.reduce((n, m) => n + Buffer.byteLength(rowJson(kiosk, m.row.table, m.row.id)), 0) / size;
      const { value: report, calls } = await watchFetch(() => kiosk.sync!.syncNow());
      if (report?.pushed !== size) throw new Error(`expected ${size} pushed, got ${report?.pushed}`);
      const wire = calls.filter((x) => x.path === '/v1/push').reduce((n, x) => n + x.bodyBytes, 0) / size;
      figures.push({
        name: `push gzip bytes per ${c.name} (batch of ${size})`,
        value: wire,
        unit: 'bytes',
        baseline: rawBytes,
        ratio: wire / rawBytes,
        goal: 'reported (vs its row as raw JSON)',
        met: true,
      });
    }
    return figures;
  } finally {
    await central.stop();
  }
}
