import { DataFrame, PanelData } from '@grafana/data';

const firstSeen = new WeakMap<DataFrame[], number>();

/**
 * When the panel's data arrived: Grafana stamps the request's end time; outside Grafana
 * (tests, the gallery) it is when these frames were first seen, remembered per frames
 * array so every render gets the same answer. Panels use it as "now" for figures
 * computed from the data (open alerts, seconds to handoff), so re-renders never move them.
 */
export function arrivalTime(data: PanelData): number {
  if (data.request?.endTime !== undefined) {
    return data.request.endTime;
  }
  let at = firstSeen.get(data.series);
  if (at === undefined) {
    at = Date.now();
    firstSeen.set(data.series, at);
  }
  return at;
}
