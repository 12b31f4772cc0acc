import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Of } from '../../../shared/attachments/hash.js';

export interface AttachmentFiles {
  readonly dir: string;
  has(sha256: string): boolean;
  /** The bytes, or null when this kiosk does not hold the file (or it no longer matches its hash). */
  read(sha256: string): Buffer | null;
  /** Keeps `bytes` under their hash (written whole, then renamed: never half a file); returns the hash. */
  write(bytes: Uint8Array): string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The kiosk's attachment files: one file per content hash in `dir` (the data folder's
 * `attachments/`), so the same photo is kept once whatever records refer to it, and a file is
 * checked against its name whenever it is read.
 */
export function createAttachmentFiles(dir: string): AttachmentFiles {
  mkdirSync(dir, { recursive: true });
  const pathOf = (sha256: string) => {
    if (!HEX64.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(dir, sha256);
  };
  return {
    dir,
    has(sha256) {
      try {
        return statSync(pathOf(sha256)).isFile();
      } catch {
        return false;
      }
    },
    read(sha256) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(pathOf(sha256));
      } catch {
        return null;
      }
      return sha256Of(bytes) === sha256 ? bytes : null;
    },
    write(bytes) {
      const sha256 = sha256Of(bytes);
      const final = pathOf(sha256);
      // Already kept and intact (a file that no longer matches its name is written again).
      if (this.read(sha256)) return sha256;
      const tmp = `${final}.${process.pid}.tmp`;
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, final);
      return sha256;
    },
  };
}
