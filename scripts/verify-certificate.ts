/**
 * Checks a Shiftdeck training certificate from the certificate alone, offline.
 *
 *   npm run verify-certificate -- <SDC1.… string | file.txt | certificate.pdf | qr.png> [--keys keys.json] [--kiosk-db shiftdeck.db]
 *
 * A PDF is rendered with pdftoppm and its QR code read with zbarimg (Debian: poppler-utils,
 * zbar-tools); a PNG is read with zbarimg. The signature is checked against the public key the
 * certificate carries; whether that key is one of the organisation's comes from --keys (a JSON
 * object {keyId: publicKey} or an array of training_signing_keys rows) or --kiosk-db (a kiosk's
 * database, whose synced key list is read). Exit code: 0 valid and trusted, 1 invalid, 2 valid
 * signature from a key not listed (or no list given), 3 expired.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CERTIFICATE_PREFIX, verifyCertificate } from '../shared/training/certificate-signing.js';
import { certificateStatus } from '../shared/training/certificate-status.js';

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

function loadKeys(args: string[]): Map<string, string> | undefined {
  const at = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
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
  const input = args.find((a, i) => !a.startsWith('--') && !['--keys', '--kiosk-db'].includes(args[i - 1] ?? ''));
  if (!input)
    return {
      code: 1,
      lines: [
        'Usage: npm run verify-certificate -- <certificate string | file> [--keys keys.json | --kiosk-db shiftdeck.db]',
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
  const status = certificateStatus(p.e, false, now);
  const lines = [
    `Signature: valid (key ${p.k})`,
    `Signer: ${keys ? (r.trusted ? 'one of the organisation’s keys' : 'NOT in the organisation’s key list') : 'not checked (pass --keys or --kiosk-db)'}`,
    `Certificate: ${p.n}  code ${p.c}`,
    `Holder: ${p.h}`,
    `Module: ${p.te} / ${p.tf} (${p.m} v${p.mv})  score ${p.sc} %`,
    `Issued: ${p.i}  expires: ${p.e ?? 'never'}  status: ${status}`,
    'Revocations are recorded at the site: check a synced kiosk for a revoked certificate.',
  ];
  const code = !r.trusted ? 2 : status === 'expired' ? 3 : 0;
  return { code, lines };
}

if (process.argv[1] && /verify-certificate\.[cm]?[tj]s$/.test(process.argv[1])) {
  const { code, lines } = main(process.argv.slice(2));
  for (const l of lines) console.log(l);
  process.exit(code);
}
