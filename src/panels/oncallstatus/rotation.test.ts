import { layerStatus } from './rotation';
import { OnCallShift } from './types';

const HOUR = 3_600_000;
const shift = (layer: string, name: string, start: number, end: number): OnCallShift => ({
  layer,
  name,
  shiftStart: start,
  shiftEnd: end,
});

describe('layerStatus', () => {
  const onCall = [shift('primary', 'Ana', 0, 10 * HOUR)];
  const planned = [
    shift('primary', 'Ana', 0, 10 * HOUR),
    shift('primary', 'Ben', 10 * HOUR, 20 * HOUR),
    shift('primary', 'Cy', 20 * HOUR, 30 * HOUR),
  ];

  it('keeps the live on-call row while its shift lasts, and lists the shifts after it', () => {
    const [primary] = layerStatus(onCall, planned, 5 * HOUR, 5);
    expect(primary.current?.name).toBe('Ana');
    expect(primary.next.map((s) => s.name)).toEqual(['Ben', 'Cy']);
  });

  it('hands over to the planned shift once the handoff passes', () => {
    const [primary] = layerStatus(onCall, planned, 10 * HOUR + 1, 5);
    expect(primary.current?.name).toBe('Ben');
    expect(primary.next.map((s) => s.name)).toEqual(['Cy']);
  });

  it('keeps the last person when the handoff passed and no shift data covers now', () => {
    const [primary] = layerStatus(onCall, [], 11 * HOUR, 5);
    expect(primary.current?.name).toBe('Ana');
  });

  it('works from shifts alone and keeps layers in the order they came', () => {
    const status = layerStatus([], [shift('secondary', 'Dee', 0, HOUR), ...planned], 1, 1);
    expect(status.map((s) => [s.layer, s.current?.name, s.next.length])).toEqual([
      ['secondary', 'Dee', 0],
      ['primary', 'Ana', 1],
    ]);
  });
});
