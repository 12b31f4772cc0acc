import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, type FocusableWindow } from '../../../electron/main/single-instance.js';

function fakeApp(gotLock: boolean) {
  const listeners: Array<() => void> = [];
  return {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((_event: 'second-instance', l: () => void) => listeners.push(l)),
    secondInstance: () => listeners.forEach((l) => l()),
  };
}

function fakeWindow(minimized = false) {
  const w = {
    destroyed: false,
    minimized,
    isDestroyed: () => w.destroyed,
    isMinimized: () => w.minimized,
    restore: vi.fn(() => void (w.minimized = false)),
    show: vi.fn(),
    focus: vi.fn(),
  };
  return w satisfies FocusableWindow;
}

describe('single instance', () => {
  it('lets the first instance run', () => {
    const app = fakeApp(true);
    expect(claimSingleInstance(app, () => null)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('quits a second instance at once', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('brings the first instance’s window to the front when a second one starts', () => {
    const app = fakeApp(true);
    const window = fakeWindow(true);
    claimSingleInstance(app, () => window);
    app.secondInstance();
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('does not restore a window that is not minimised', () => {
    const app = fakeApp(true);
    const window = fakeWindow(false);
    claimSingleInstance(app, () => window);
    app.secondInstance();
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('copes with a second instance before the window exists or after it closed', () => {
    const app = fakeApp(true);
    let window: ReturnType<typeof fakeWindow> | null = null;
    claimSingleInstance(app, () => window);
    expect(() => app.secondInstance()).not.toThrow();
    window = fakeWindow();
    window.destroyed = true;
    app.secondInstance();
    expect(window.focus).not.toHaveBeenCalled();
  });
});
