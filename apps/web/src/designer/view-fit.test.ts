import { describe, expect, it } from 'vitest';
import { boundsInView, topLevelBounds } from './view-fit';

const card = (x: number, y: number, parentId?: string) => ({ position: { x, y }, measured: { width: 200, height: 100 }, ...(parentId ? { parentId } : {}) });

describe('topLevelBounds', () => {
  it('covers the top-level cards and leaves out a body’s steps, which sit inside their group', () => {
    expect(topLevelBounds([card(0, 0), card(300, 400), card(5_000, 5_000, 'loop')])).toEqual({ left: 0, top: 0, right: 500, bottom: 500 });
    expect(topLevelBounds([])).toBeUndefined();
  });
});

describe('boundsInView', () => {
  const bounds = { left: 0, top: 0, right: 500, bottom: 500 };
  const pane = { width: 600, height: 600 };

  it('is true when the whole workflow is on screen, and false once panned or zoomed past the pane', () => {
    expect(boundsInView(bounds, [50, 50, 1], pane)).toBe(true);
    expect(boundsInView(bounds, [-10, 50, 1], pane)).toBe(false);
    expect(boundsInView(bounds, [0, 0, 1.5], pane)).toBe(false);
    expect(boundsInView(bounds, [0, 0, 0.5], pane)).toBe(true);
  });

  it('counts an empty canvas as in view', () => {
    expect(boundsInView(undefined, [0, 0, 1], pane)).toBe(true);
  });
});
