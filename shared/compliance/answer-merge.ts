/**
 * Merge by item. Every change of an answer is a history row naming the rows it was made on top of
 * (`base_ids`: the item's heads as that kiosk knew them). Heads are the rows no other row builds
 * on. One head: the item has one current value. Two or more heads with different values: two
 * kiosks changed the same item without seeing each other's change, and both values are shown
 * until someone picks one (a change on top of all the heads). Different items never conflict.
 */
export interface HistoryEntry {
  id: string;
  itemId: string;
  newValue: string;
  userId: string;
  deviceId: string;
  hlc: string;
  baseIds: readonly string[];
}

export interface ItemConflict {
  itemId: string;
  /** The competing heads, newest first. */
  heads: HistoryEntry[];
}

/** The heads of one item's history: the changes nothing else was made on top of. */
export function headsOf(history: readonly HistoryEntry[]): HistoryEntry[] {
  const built = new Set(history.flatMap((h) => h.baseIds));
  return history.filter((h) => !built.has(h.id)).sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0));
}

/** Items whose heads disagree, in the order of the items' first change. */
export function itemConflicts(history: readonly HistoryEntry[]): ItemConflict[] {
  const byItem = new Map<string, HistoryEntry[]>();
  for (const h of [...history].sort((a, b) => (a.hlc < b.hlc ? -1 : 1))) {
    const list = byItem.get(h.itemId) ?? [];
    list.push(h);
    byItem.set(h.itemId, list);
  }
  const out: ItemConflict[] = [];
  for (const [itemId, list] of byItem) {
    const heads = headsOf(list);
    if (new Set(heads.map((h) => h.newValue)).size > 1) out.push({ itemId, heads });
  }
  return out;
}
