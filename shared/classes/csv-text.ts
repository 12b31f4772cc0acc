/**
 * Getting a student CSV from bytes to checked text: its encoding (French Excel saves
 * Windows-1252, not UTF-8), quotes left open, and dates written the way the site's country does.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * Decodes a file's bytes: UTF-8 when the bytes are valid UTF-8 (with or without a BOM), otherwise
 * Windows-1252, which is what Excel writes for "CSV (separator: semicolon)" on a French PC. Every
 * byte sequence that is not UTF-8 is valid Windows-1252 for letters, so nothing is lost silently.
 *
 * @example decodeCsvBytes(new Uint8Array([0x41, 0x6d, 0xe9])) // { text: 'Amé', encoding: 'windows-1252' }
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** U+FFFD: what a wrong decoding left in place of a letter ("Am�lie"); such text cannot be trusted. */
export const hasReplacementCharacter = (text: string): boolean => text.includes('\uFFFD');

/**
 * The line where a quoted field opens and is never closed, or null. Without this a stray quote
 * makes the rest of the file one field of one row.
 */
export function unclosedQuoteLine(text: string): number | null {
  let line = 1;
  let inQuotes = false;
  let openedAt = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (inQuotes && text[i + 1] === '"') i++;
      else {
        inQuotes = !inQuotes;
        if (inQuotes) openedAt = line;
      }
    } else if (c === '\n') line++;
  }
  return inQuotes ? openedAt : null;
}

/** How a site's country writes 03/04/2026: day first nearly everywhere, month first in the US. */
export type SlashDateOrder = 'dmy' | 'mdy';

const US_ZONES =
  /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+|Juneau|Sitka|Nome|Adak|Menominee|Metlakatla|Yakutat)|Pacific\/Honolulu|US\/.+)$/;

/** The slash-date order of the site's country, from its time zone (the site's only locale fact). */
export const slashDateOrderFor = (timeZone: string): SlashDateOrder => (US_ZONES.test(timeZone) ? 'mdy' : 'dmy');

/**
 * A date as the CSV wrote it, to YYYY-MM-DD: ISO as is, or dd/mm/yyyy (also with '.' or '-') in
 * the site's order. Null when it is not a real calendar date.
 *
 * @example csvDate('31/12/2026', 'dmy') // '2026-12-31'
 */
export function csvDate(text: string, order: SlashDateOrder): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) {
    const [a, b] = [Number(local[1]), Number(local[2])];
    [d, m] = order === 'dmy' ? [a, b] : [b, a];
    y = Number(local[3]);
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
