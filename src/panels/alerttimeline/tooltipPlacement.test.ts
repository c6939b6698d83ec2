import { tooltipPlacement } from './tooltipPlacement';

describe('tooltipPlacement', () => {
  const W = 800;
  const H = 300;

  it('opens away from the nearer edges', () => {
    expect(tooltipPlacement(100, 50, W, H)).toMatchObject({ left: 114, top: 57, right: 'auto', bottom: 'auto' });
    expect(tooltipPlacement(700, 250, W, H)).toMatchObject({ right: 114, bottom: 57, left: 'auto', top: 'auto' });
  });

  it('keeps a tall tooltip inside the panel instead of cutting it at the bottom or top', () => {
    // A keyboard tooltip on a row just above the middle: opening downwards it would end at 137 + 200 > 300.
    expect(tooltipPlacement(100, 130, W, H, 200)).toMatchObject({ top: 96 });
    // On the last row it opens upwards; a 280 px tooltip would cross the top edge.
    expect(tooltipPlacement(100, 290, W, H, 280)).toMatchObject({ bottom: 16 });
    // Never above the top or below the bottom, whatever its height; taller than the panel, it scrolls.
    const huge = tooltipPlacement(100, 130, W, H, 900);
    expect(huge).toMatchObject({ top: 4, maxHeight: 292 });
  });
});
