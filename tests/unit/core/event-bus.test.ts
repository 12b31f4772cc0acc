import { describe, expect, it } from 'vitest';
import { createEventBus, type Delivery } from '../../../electron/core/events.js';

describe('event bus', () => {
  it('delivers every event to every listener, with the token when it is meant for one session', () => {
    const bus = createEventBus();
    const a: Delivery[] = [];
    const b: Delivery[] = [];
    bus.subscribe((d) => a.push(d));
    bus.subscribe((d) => b.push(d));
    bus.emit({ type: 'data.changed', tables: ['users'] });
    bus.emit({ type: 'session.locked', reason: 'idle' }, 'token-1');
    const expected = [
      { event: { type: 'data.changed', tables: ['users'] } },
      { event: { type: 'session.locked', reason: 'idle' }, token: 'token-1' },
    ];
    expect(a).toEqual(expected);
    expect(b).toEqual(expected);
    expect('token' in a[0]).toBe(false);
  });

  it('keeps delivering when one listener throws, and stops after unsubscribe', () => {
    const bus = createEventBus();
    const got: string[] = [];
    bus.subscribe(() => {
      throw new Error('a broken socket');
    });
    const stop = bus.subscribe((d) => got.push(d.event.type));
    bus.emit({ type: 'data.changed', tables: [] });
    stop();
    bus.emit({ type: 'data.changed', tables: [] });
    expect(got).toEqual(['data.changed']);
  });
});
