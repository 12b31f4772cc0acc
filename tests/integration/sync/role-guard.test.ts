import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { newId, roleId } from '../../../shared/ids.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import { enrolledKiosk, rawPush, startService } from '../../helpers/sync.js';

const setRole = (seq: number, actor: string, userId: string, role: string) => ({
  seq,
  name: 'users.setRole',
  version: 1,
  args: { userId, roleId: roleId(role), auditId: newId() },
  hlc: encodeHlc({ wall: Date.now(), counter: seq, node: 'tampered' }),
  userId: actor,
  writes: [],
});

describe('the service enforces the role-change rule', () => {
  it('refuses a master making himself or a crew member Super admin, even from a kiosk that skipped its own check', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'vessel');
    const master = demoUserId('vessel', 'Erik Hansen');
    const crew = demoUserId('vessel', 'Tom Okafor');
    const admin = demoUserId('vessel', 'Ana Ribeiro');
    const push = await rawPush(service, kiosk, [
      setRole(1, master, master, 'super_admin'),
      setRole(2, master, crew, 'super_admin'),
      setRole(3, admin, admin, 'crew'),
      setRole(4, master, crew, 'officer'),
    ]);
    const res = pushResponse.parse(push.body);
    expect(res.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 'FORBIDDEN'],
      [2, 'rejected', 'FORBIDDEN'],
      [3, 'rejected', 'FORBIDDEN'],
      [4, 'applied', undefined],
    ]);
    const roles = await sql<{
      user_id: string;
      code: string;
    }>`SELECT ur.user_id, r.code FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id IN (${master}, ${crew}, ${admin})`.execute(
      service.db.admin,
    );
    expect(Object.fromEntries(roles.rows.map((r) => [r.user_id, r.code]))).toEqual({
      [master]: 'master',
      [crew]: 'officer',
      [admin]: 'admin',
    });
    // Each refusal is a conflict record supervisors see.
    const conflicts = await sql<{
      seq: number;
      code: string;
    }>`SELECT seq, code FROM conflicts WHERE device_id = ${kiosk.deviceId} ORDER BY seq`.execute(service.db.admin);
    expect(conflicts.rows.map((c) => c.seq)).toEqual([1, 2, 3]);
  });
});
