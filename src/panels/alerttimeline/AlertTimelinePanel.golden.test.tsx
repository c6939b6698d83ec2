import React from 'react';
import { render, screen, within } from '@testing-library/react';

import { installCanvasMock, restoreCanvasMock } from '../../test/canvasMock';
import { GOLDEN_NOW, goldenFrames, goldenValues } from '../../test/golden';
import { panelProps } from '../../test/panelProps';
import { AlertTimelinePanel } from './AlertTimelinePanel';
import { AlertTimelineOptions } from './types';

beforeAll(installCanvasMock);
afterAll(restoreCanvasMock);
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(GOLDEN_NOW));
afterEach(() => jest.restoreAllMocks());

// The frame the backend's alert history query really returns (pkg/golden/testdata/alerts_history.jsonc).
describe('AlertTimelinePanel with the backend’s alert history frame', () => {
  it('draws and lists every alert by its title, severity and state, with no data problems', () => {
    const frames = goldenFrames('alerts_history');
    const titles = goldenValues<string>(frames[0], 'title');
    const starts = goldenValues<number>(frames[0], 'time');
    expect(titles.length).toBeGreaterThan(0);
    render(
      <AlertTimelinePanel
        {...panelProps<AlertTimelineOptions>({ alertSource: 'application' }, frames, {
          range: { from: Math.min(...starts) - 60_000, to: GOLDEN_NOW },
          width: 900,
          height: 400,
        })}
      />
    );
    expect(screen.queryByRole('list', { name: 'Data problems' })).toBeNull();
    expect(screen.getByRole('group', { name: /^Alert timeline/ })).toHaveAccessibleName(
      new RegExp(`^Alert timeline: ${titles.length} alerts?`)
    );
    const rows = within(screen.getByTestId('alert-table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(titles.length);
    for (const title of titles) {
      expect(rows.some((r) => r.textContent?.includes(title))).toBe(true);
    }
  });
});
