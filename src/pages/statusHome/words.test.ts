import { goldenFrames } from '../../test/golden';
import {
  healthSentence,
  onCallSentence,
  readActiveAlerts,
  readObjectives,
  readOnCall,
  readServiceHealth,
  windowWords,
} from './words';

// The backend's own frames (pkg/golden): a renamed frame or field in Go fails here too.
describe('status home words', () => {
  it("reads each service's health now and says which need attention", () => {
    const services = readServiceHealth(goldenFrames('health'));
    expect(services[0]).toEqual({ name: 'Overall', state: 'healthy' });
    expect(services.find((s) => s.name === 'brevo')?.state).toBe('degraded');
    expect(healthSentence(services)).toMatch(
      /^The application is healthy\. 1 of \d+ services need attention: brevo degraded\.$/
    );
  });

  it('says each objective in plain words, never a misleading figure', () => {
    const words = readObjectives(goldenFrames('slo'));
    expect(words.map((w) => w.sentence)).toEqual([
      'Availability: missing its 99.9 % target (18.7 %), the 30-day error budget is used up',
      'Error rate: missing its 99.5 % target (86.718 %), the 30-day error budget is used up',
      'Latency p95 ≤ 2000 ms: meeting its 99 % target, 100 % of the 30-day error budget left',
    ]);
    expect(words.map((w) => w.state)).toEqual(['critical', 'critical', 'ok']);
    expect(windowWords('calendar_month')).toBe('monthly ');
  });

  it('lists open application alerts, most severe first', () => {
    const alerts = readActiveAlerts(goldenFrames('alerts_active'));
    expect(alerts.length).toBeGreaterThan(0);
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    const ranks = alerts.map((a) => order.indexOf(a.severity));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('says who is on call and when the next handoff is, to whom when known', () => {
    const people = readOnCall(goldenFrames('oncall_now'));
    expect(people.map((p) => p.layer)).toEqual(['primary', 'secondary']);
    expect(onCallSentence({ ...people[0], secondsToHandoff: 3 * 86400 + 2 * 3600 }, 'Engineer B')).toBe(
      `${people[0].name} is on call (primary); handoff to Engineer B in 3d 2h.`
    );
    expect(onCallSentence({ layer: 'primary', name: '', contact: '' })).toBe('Nobody is on call (primary).');
  });
});
