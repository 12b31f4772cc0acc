/**
 * Money on a bill, always in integer cents so that no split ever loses or invents a cent to
 * floating-point rounding.
 */

/** A modifier as it was priced when ordered (a later menu change does not reprice an order). */
export interface PricedModifier {
  id: string;
  priceCents: number;
}

/** One line of an order as the bill sees it. */
export interface BillLine {
  id: string;
  seat: number;
  unitPriceCents: number;
  quantity: number;
  modifiers: readonly PricedModifier[];
  /** A voided line was never served; a comped one was served and given away: neither is charged. */
  voided: boolean;
  comped: boolean;
}

/** What one line costs the guest: (price + modifiers) x quantity, nothing when voided or comped. */
export function lineTotalCents(line: BillLine): number {
  if (line.voided || line.comped) return 0;
  const unit = line.unitPriceCents + line.modifiers.reduce((s, m) => s + m.priceCents, 0);
  return unit * line.quantity;
}

export function billTotalCents(lines: readonly BillLine[]): number {
  return lines.reduce((s, l) => s + lineTotalCents(l), 0);
}

/**
 * Shares `total` cents in proportion to `weights`, the cents left by rounding down going one each
 * to the largest remainders (ties to the earlier share), so the shares add up to `total` exactly.
 *
 * @example apportion(1000, [1, 1, 1]) // [334, 333, 333]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be whole cents, got ${total}`);
  if (weights.length === 0) return [];
  if (weights.some((w) => !(w >= 0))) throw new RangeError('weights must not be negative');
  const sum = weights.reduce((s, w) => s + w, 0);
  // Nothing to weigh by (every share is zero): share equally rather than divide by zero.
  const ws = sum === 0 ? weights.map(() => 1) : weights;
  const wsum = sum === 0 ? ws.length : sum;
  const exact = ws.map((w) => (total * w) / wsum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k]!.i]! += 1;
  return shares;
}

/** "12,50 €" / "€12.50": the site's currency in the reader's language. */
export function formatCents(cents: number, locale: 'en' | 'fr', currency = 'EUR'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency }).format(
    cents / 100,
  );
}
