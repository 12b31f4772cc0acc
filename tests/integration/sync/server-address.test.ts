import { describe, expect, it } from 'vitest';
import { createKiosk } from '../../../electron/core/kiosk.js';
import type { Logger } from '../../../electron/core/log.js';
import { cheapHashPin } from '../../helpers/kiosk.js';
import { startService } from '../../helpers/sync.js';
import { makeTempDir } from '../../helpers/tmp.js';

const capture = () => {
  const lines: { level: string; obj: unknown; msg?: string }[] = [];
  const log: Logger = {
    info: (obj, msg) => void lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => void lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => void lines.push({ level: 'error', obj, msg }),
  };
  return { log, lines };
};

describe('the sync service address of an enrolled kiosk', () => {
  it('a different --server at a later start is used and said, and the log names the real site (a vessel)', async () => {
    const service = await startService();
    const dataDir = makeTempDir('shiftdeck-address-');
    const first = capture();
    const enrolled = await createKiosk({
      dataDir,
      hashPin: cheapHashPin,
      log: first.log,
      sync: { serverUrl: service.url, enrollCode: await service.code('vessel'), manual: true },
    });
    expect(first.lines.find((l) => l.msg?.startsWith('kiosk started'))).toMatchObject({
      msg: 'kiosk started for MV Northern Star (vessel)',
      obj: { site: { name: 'MV Northern Star', kind: 'vessel' }, server: service.url },
    });
    await enrolled.close();

    const moved = service.url.replace('127.0.0.1', 'localhost');
    const second = capture();
    const again = await createKiosk({
      dataDir,
      hashPin: cheapHashPin,
      log: second.log,
      sync: { serverUrl: moved, manual: true },
    });
    try {
      expect(again.serverUrl).toBe(moved);
      expect(second.lines.find((l) => l.level === 'warn')).toMatchObject({
        obj: { previous: service.url, server: moved },
      });
      expect(second.lines.find((l) => l.level === 'warn')?.msg).toContain(`using ${moved}`);
      expect(
        (again.store.raw.prepare("SELECT value FROM meta WHERE key = 'sync.server'").get() as { value: string }).value,
      ).toBe(moved);
    } finally {
      await again.close();
    }
  });
});
