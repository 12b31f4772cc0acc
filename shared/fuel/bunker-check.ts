import type { FuelBunkeringRow, FuelSoundingRow } from './schema.js';

/** A difference this large between the delivery note and what the tanks gained is flagged (issue §6). */
export const BUNKER_TOLERANCE_PCT = 0.5;

type Sounding = Pick<FuelSoundingRow, 'tank' | 'volume_m3' | 'density_kg_m3'>;

export interface BunkerCheck {
  deliveredT: number;
  /** What the soundings say came on board: tanks after, less tanks before, plus what burnt meanwhile. */
  receivedT: number;
  /** received − delivered: negative is a shortfall. */
  differenceT: number;
  differencePct: number;
  flagged: boolean;
}

const tonnes = (s: readonly Sounding[]) => s.reduce((sum, x) => sum + (x.volume_m3 * x.density_kg_m3) / 1000, 0);
const r3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Checks a bunkering's delivery note against the soundings of the tanks before and after it and
 * the flow meter's litres burnt in between (as tonnes): 0.5 % or more either way is flagged.
 *
 * @example
 * bunkerCheck({ quantity_t: 500 }, before, after, 1.2) // { receivedT: 496.9, differencePct: -0.62, flagged: true }
 */
export function bunkerCheck(
  delivery: Pick<FuelBunkeringRow, 'quantity_t'>,
  before: readonly Sounding[],
  after: readonly Sounding[],
  burntMeanwhileT = 0,
): BunkerCheck {
  if (!(delivery.quantity_t > 0)) throw new RangeError('The delivery note must give a quantity above zero.');
  const receivedT = tonnes(after) - tonnes(before) + burntMeanwhileT;
  const differenceT = receivedT - delivery.quantity_t;
  const differencePct = (differenceT / delivery.quantity_t) * 100;
  return {
    deliveredT: delivery.quantity_t,
    receivedT: r3(receivedT),
    differenceT: r3(differenceT),
    differencePct: Math.round(differencePct * 100) / 100,
    flagged: Math.abs(differencePct) >= BUNKER_TOLERANCE_PCT - 1e-9,
  };
}

/**
 * The draft of a letter of protest for a flagged bunkering, in English as the trade writes them;
 * the master reads, completes and signs it.
 */
export function letterOfProtest(
  b: Pick<FuelBunkeringRow, 'port' | 'supplier' | 'note_number' | 'fuel_type' | 'delivered_at'>,
  check: BunkerCheck,
  vesselName: string,
): string {
  return [
    `LETTER OF PROTEST`,
    ``,
    `To: ${b.supplier}`,
    `Vessel: ${vesselName}    Port: ${b.port}    Date of delivery: ${b.delivered_at.slice(0, 10)}`,
    `Bunker delivery note: ${b.note_number} (${b.fuel_type})`,
    ``,
    `The delivery note states ${check.deliveredT.toFixed(3)} t. The vessel's tank soundings before and after`,
    `the delivery, corrected for the fuel consumed meanwhile, show ${check.receivedT.toFixed(3)} t received,`,
    `a difference of ${check.differenceT.toFixed(3)} t (${check.differencePct.toFixed(2)} %).`,
    ``,
    `We hereby protest against this discrepancy and reserve all our rights, and those of our owners`,
    `and charterers, to claim for the quantity not received.`,
    ``,
    `Master: ______________________    Received by (supplier): ______________________`,
  ].join('\n');
}
