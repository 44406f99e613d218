import { describe, expect, it } from 'vitest';
import { FLOATING_BAR_GAP, stackFloatingBars } from './floating-bars';

describe('stackFloatingBars', () => {
  it('needs no room when no bar is shown', () => {
    expect(stackFloatingBars([])).toEqual({ bottoms: [], reserved: 0 });
  });

  it('puts one bar a gap above the bottom edge and reserves its height and both gaps', () => {
    expect(stackFloatingBars([58])).toEqual({
      bottoms: [FLOATING_BAR_GAP],
      reserved: 58 + 2 * FLOATING_BAR_GAP,
    });
  });

  it('stacks later bars above earlier ones without overlapping', () => {
    const { bottoms, reserved } = stackFloatingBars([58, 120], 10);
    expect(bottoms).toEqual([10, 78]);
    expect(reserved).toBe(208);
  });
});
