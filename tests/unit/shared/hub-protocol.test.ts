import { describe, expect, it } from 'vitest';
import { hubTentativeResponse, mutationTexts } from '../../../shared/sync/hub-protocol.js';

describe('mutationTexts (what a hub relays, byte for byte)', () => {
  it('returns each mutation exactly as the kiosk wrote it, odd spacing, key order and number forms included', () => {
    const m1 = '{"seq":1,"name":"a.b","args":{"x":1.50,"s":"],[{\\"}"}}';
    const m2 = '{ "args" : [1,2,{"k":[]}] , "seq":2 }';
    const body = `{"clientTime":5,"mutations":[${m1}, ${m2}]}`;
    expect(mutationTexts(body)).toEqual([m1, m2]);
  });

  it('finds the array wherever the key sits and ignores the same word inside strings and nested objects', () => {
    const body = '{"note":"mutations","x":{"mutations":[{"seq":9}]},"mutations":[{"seq":1}],"clientTime":1}';
    expect(mutationTexts(body)).toEqual(['{"seq":1}']);
    expect(mutationTexts('{"clientTime":1,"mutations":[]}')).toEqual([]);
  });

  it('refuses what is not a push body', () => {
    expect(mutationTexts('not json')).toBeNull();
    expect(mutationTexts('{"mutations":{"seq":1}}')).toBeNull();
    expect(mutationTexts('[1,2]')).toBeNull();
  });
});

describe('hubTentativeResponse', () => {
  it('names the field that is wrong', () => {
    const r = hubTentativeResponse.safeParse({ tentative: [{ seq: 1 }], settled: [] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('tentative.0.deviceId');
  });
});
