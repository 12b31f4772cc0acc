/**
 * Checks a Shiftdeck training certificate from the certificate alone, offline.
 *
 *   npm run verify-certificate -- <SDC1.… string | file.txt | certificate.pdf | qr.png> [--keys keys.json] [--kiosk-db shiftdeck.db] [--revocations list.json]
 *
 * A PDF is rendered with pdftoppm and its QR code read with zbarimg (Debian: poppler-utils,
 * zbar-tools); a PNG is read with zbarimg. The signature is checked against the public key the
 * certificate carries; whether that key is one of the organisation's comes from --keys (a JSON
 * object {keyId: publicKey} or an array of training_signing_keys rows) or --kiosk-db (a kiosk's
 * database, whose synced key list is read). Revocations come from --kiosk-db (the synced
 * revocations) or --revocations (a signed list a kiosk exported, shared/training/revocation-list.ts,
 * whose signature is checked and whose signer must be one of the listed keys when a list is given).
 * Exit code: 0 valid and trusted, 1 invalid, 2 valid signature from a key not listed (or no list
 * given), 3 expired, 4 revoked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CERTIFICATE_PREFIX, verifyCertificate } from '../shared/training/certificate-signing.js';
import { certificateStatus } from '../shared/training/certificate-status.js';
import { verifyRevocationList } from '../shared/training/revocation-list.js';

/** The certificate string inside a PDF or a PNG, through pdftoppm and zbarimg. */
export function readQr(file: string): string {
  let png = file;
  let dir: string | undefined;
  if (file.toLowerCase().endsWith('.pdf')) {
    dir = mkdtempSync(join(tmpdir(), 'shiftdeck-verify-'));
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    png = join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.png'))!,
    );
  }
  try {
    const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', png], {
      encoding: 'utf8',
    });
    return out.trim();
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const FLAGS = ['--keys', '--kiosk-db', '--revocations'];

const flagValue = (args: string[], flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Whether certificate `number` is revoked, and where that was read; an unusable list is an error line. */
function revocationOf(
  args: string[],
  number: string,
  keys: ReadonlyMap<string, string> | undefined,
): { revoked: { at: string; reason: string } | null; source: string | null; error?: string } {
  const dbFile = flagValue(args, '--kiosk-db');
  const listFile = flagValue(args, '--revocations');
  if (listFile) {
    const r = verifyRevocationList(readFileSync(listFile, 'utf8'), keys);
    if (!r.ok) return { revoked: null, source: null, error: `the revocation list is not valid (${r.reason})` };
    if (keys && !r.trusted)
      return {
        revoked: null,
        source: null,
        error: 'the revocation list is not signed by one of the organisation’s keys',
      };
    const hit = r.list.revoked.find((x) => x.n === number);
    return {
      revoked: hit ? { at: hit.at, reason: hit.reason } : null,
      source: `the list of ${r.list.siteName} of ${r.list.issuedAt}`,
    };
  }
  if (dbFile) {
    const db = new Database(dbFile, { readonly: true });
    try {
      const hit = db
        .prepare(
          `SELECT r.created_at AS at, r.reason AS reason FROM training_certificate_revocations r
             JOIN training_certificates c ON c.id = r.certificate_id WHERE c.number = ? ORDER BY r.created_at LIMIT 1`,
        )
        .get(number) as { at: string; reason: string } | undefined;
      return { revoked: hit ?? null, source: 'the kiosk database' };
    } finally {
      db.close();
    }
  }
  return { revoked: null, source: null };
}

function loadKeys(args: string[]): Map<string, string> | undefined {
  const at = (flag: string) => flagValue(args, flag);
  const keysFile = at('--keys');
  const dbFile = at('--kiosk-db');
  if (keysFile) {
    const data = JSON.parse(readFileSync(keysFile, 'utf8')) as
      Record<string, string> | { key_id: string; public_key: string }[];
    return new Map(Array.isArray(data) ? data.map((k) => [k.key_id, k.public_key]) : Object.entries(data));
  }
  if (dbFile) {
    const db = new Database(dbFile, { readonly: true });
    try {
      const rows = db
        .prepare('SELECT key_id, public_key FROM training_signing_keys WHERE revoked_at IS NULL')
        .all() as { key_id: string; public_key: string }[];
      return new Map(rows.map((r) => [r.key_id, r.public_key]));
    } finally {
      db.close();
    }
  }
  return undefined;
}

export function main(argv: string[], now = new Date().toISOString()): { code: number; lines: string[] } {
  const args = argv.filter((a) => a !== '--');
  const input = args.find((a, i) => !a.startsWith('--') && !FLAGS.includes(args[i - 1] ?? ''));
  if (!input)
    return {
      code: 1,
      lines: [
        'Usage: npm run verify-certificate -- <certificate string | file> [--keys keys.json | --kiosk-db shiftdeck.db] [--revocations list.json]',
      ],
    };
  let token = input;
  if (!input.startsWith(`${CERTIFICATE_PREFIX}.`) && existsSync(input)) {
    token = /\.(pdf|png|jpe?g)$/i.test(input) ? readQr(input) : readFileSync(input, 'utf8').trim();
  }
  const keys = loadKeys(args);
  const r = verifyCertificate(token, keys);
  if (!r.ok)
    return {
      code: 1,
      lines: [
        `INVALID: ${r.reason === 'bad_signature' ? 'the signature does not match the contents (altered or forged)' : r.reason === 'key_mismatch' ? 'the key id does not match the key' : 'this is not a Shiftdeck certificate'}`,
      ],
    };
  const p = r.payload;
  const rev = revocationOf(args, p.n, keys);
  if (rev.error) return { code: 1, lines: [`INVALID: ${rev.error}`] };
  const status = certificateStatus(p.e, rev.revoked !== null, now);
  const lines = [
    ...(rev.revoked ? [`REVOKED on ${rev.revoked.at}: ${rev.revoked.reason}`] : []),
    `Signature: valid (key ${p.k})`,
    `Signer: ${keys ? (r.trusted ? 'one of the organisation’s keys' : 'NOT in the organisation’s key list') : 'not checked (pass --keys or --kiosk-db)'}`,
    ...(p.v === 2 ? [`Issued by: ${p.sn}${p.gn ? `, signed by ${p.gn}${p.gt ? ` (${p.gt})` : ''}` : ''}`] : []),
    `Certificate: ${p.n}  code ${p.c}`,
    `Holder: ${p.h}`,
    `Module: ${p.te} / ${p.tf} (${p.m} v${p.mv})  score ${p.sc} %`,
    `Issued: ${p.i}  expires: ${p.e ?? 'never'}  status: ${status}`,
    rev.source
      ? `Revocations: read from ${rev.source}.`
      : 'Revocations: not checked (pass --kiosk-db or --revocations).',
  ];
  const code = !r.trusted ? 2 : status === 'revoked' ? 4 : status === 'expired' ? 3 : 0;
  return { code, lines };
}

if (process.argv[1] && /verify-certificate\.[cm]?[tj]s$/.test(process.argv[1])) {
  const { code, lines } = main(process.argv.slice(2));
  for (const l of lines) console.log(l);
  process.exit(code);
}
