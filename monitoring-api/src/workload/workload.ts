// The demo workload: a simulated application that moves over time, with the
// seed's alert rules evaluated on it and its history kept in bounded rings.
// Time advances in fixed 10 s ticks up to the clock's now, lazily on every
// read, so the result depends only on the seed, the clock and the scenario
// timeline, never on how often anyone asked.
import { AvailabilityWindow } from '../history/availability-window.js';
import { MINUTE_MS, MinuteHistory, type Aggregation } from '../history/minute-history.js';
import type { MetricsHistoryQuery, MonitoringSource, TimeRange } from '../contract/source.js';
import type { HealthReport, HistorySeries, MetricSample, Severity, UptimeReport } from '../contract/types.js';
import { formatDuration } from '../contract/formats/duration.js';
import { AlertStore, ALERT_RETENTION_DAYS, toAlert, type AlertRecord } from './alerts/alert-store.js';
import { NotificationChannels, type ChannelConfig } from './alerts/channels.js';
import { IncidentTracker, INCIDENT_RETENTION_DAYS } from './alerts/incident-tracker.js';
import { RuleEvaluator } from './alerts/rule-evaluator.js';
import { buildRules, DEFAULT_THRESHOLDS, ESCALATION_BY_SEVERITY, type Thresholds } from './alerts/rules.js';
import type { Clock } from './clock.js';
import { C, DB_HISTOGRAM } from './counters.js';
import { inMaintenanceWindow, planEpisodes, type Episode } from './episodes.js';
import {
  definitionByName,
  METRIC_DEFINITIONS,
  roundTo,
  SERIES,
  WorkloadView,
  type MetricDefinition,
} from './metric-catalog.js';
import type { ProcessSample, ProcessSampler } from './process-metrics.js';
import { Random } from './prng.js';
import { SCENARIO_EFFECTS, type ScenarioName } from './scenarios.js';
import { assessHealth } from './service-health.js';
import { TICK_MS, TrafficSimulator } from './traffic-simulator.js';

const DAY_MS = 86_400_000;
export const SLA_TARGET_PERCENT = 99.9;
export const HISTORY_RESOLUTION_SECONDS = MINUTE_MS / 1000;

export interface WorkloadOptions {
  seed: string;
  clock: Clock;
  /** Days of history to keep and to backfill at start. */
  historyDays: number;
  thresholds?: Thresholds;
  channels?: ChannelConfig;
  runbookBaseUrl?: string;
  /** Real process figures; without it those metrics have no data. */
  processSampler?: ProcessSampler;
}

export interface ScenarioState {
  name: ScenarioName;
  started_at: string | null;
  ends_at: string | null;
}

interface ScenarioOverride {
  name: ScenarioName;
  startedAt: number;
  endsAt: number | null;
}

function aggregationOf(definition: MetricDefinition): Aggregation {
  if (definition.name === 'payments.revenue.total') return 'last';
  if (definition.unit === 'bool') return 'min';
  return 'mean';
}

export class Workload implements MonitoringSource {
  readonly thresholds: Thresholds;
  readonly historyStart: number;
  /** Ticks from here on are live; earlier ones were replayed at start. */
  readonly liveFrom: number;
  readonly history: MinuteHistory;
  readonly backfillMs: number;

  private readonly clock: Clock;
  private readonly sim: TrafficSimulator;
  private readonly onCallRng: Random;
  private readonly availability: AvailabilityWindow;
  private readonly store = new AlertStore();
  private readonly incidentTracker: IncidentTracker;
  private readonly evaluator: RuleEvaluator;
  private readonly channels: NotificationChannels;
  private readonly processSampler: ProcessSampler | undefined;
  private readonly episodes: Episode[];
  private readonly pendingAcks: { id: string; at: number }[] = [];

  private lastTick: number;
  private override: ScenarioOverride | null = null;
  private view!: WorkloadView;
  private currentHealth!: Omit<HealthReport, 'timestamp'>;
  private minuteUp = true;
  private revenueDay = -1;
  private revenueToday = 0;
  private maintenanceAlertId: string | null = null;
  private snapshot: { tick: number; samples: MetricSample[] } | null = null;

  constructor(options: WorkloadOptions) {
    if (!Number.isInteger(options.historyDays) || options.historyDays < 1 || options.historyDays > 90) {
      throw new Error(`History must be between 1 and 90 whole days, got ${options.historyDays}`);
    }
    const started = performance.now();
    this.clock = options.clock;
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.channels = new NotificationChannels(options.channels ?? {});
    this.processSampler = options.processSampler;
    const root = new Random(options.seed);
    this.sim = new TrafficSimulator(root.fork('traffic'));
    this.onCallRng = root.fork('on-call');

    const now = this.clock.now();
    this.liveFrom = Math.floor(now / TICK_MS) * TICK_MS;
    this.historyStart = Math.floor(now / MINUTE_MS) * MINUTE_MS - options.historyDays * DAY_MS;
    this.lastTick = this.historyStart;
    this.incidentTracker = new IncidentTracker(this.historyStart);
    const minutes = options.historyDays * 1440;
    this.history = new MinuteHistory(SERIES.length, minutes);
    this.availability = new AvailabilityWindow(minutes);
    this.episodes = planEpisodes(root.fork('episodes'), this.historyStart, this.liveFrom);
    this.metricsHistory.retentionDays = options.historyDays;

    this.evaluator = new RuleEvaluator(
      buildRules(this.thresholds),
      this.store,
      options.runbookBaseUrl ?? 'https://runbooks.example.com/appmon'
    );
    this.store.subscribe(this.incidentTracker);
    this.store.subscribe({ opened: (record) => this.simulateOnCall(record), resolved: () => undefined });

    this.advanceTo(now);
    this.backfillMs = Math.round(performance.now() - started);
  }

  now(): number {
    return this.clock.now();
  }

  /** Simulates every tick up to the clock's now. */
  sync(): void {
    this.advanceTo(this.clock.now());
  }

  get episodesPlayed(): readonly Episode[] {
    return this.episodes;
  }

  // ---- ticking ------------------------------------------------------------

  private advanceTo(now: number): void {
    while (this.lastTick + TICK_MS <= now) {
      this.step(this.lastTick + TICK_MS);
    }
  }

  private scenarioAt(t: number): ScenarioName {
    const o = this.override;
    if (o && t >= o.startedAt) {
      if (o.endsAt === null || t < o.endsAt) return o.name;
      this.override = null;
    }
    if (t < this.liveFrom) {
      for (const e of this.episodes) if (t > e.start && t <= e.end) return e.scenario;
    }
    return 'normal';
  }

  private step(t: number): void {
    this.lastTick = t;
    this.sim.tick(t, SCENARIO_EFFECTS[this.scenarioAt(t)]);

    const day = Math.floor(t / DAY_MS);
    if (day !== this.revenueDay) {
      this.revenueDay = day;
      this.revenueToday = 0;
    }
    this.revenueToday += this.sim.minute.current(C.revenue);

    const process: ProcessSample | undefined = t >= this.liveFrom ? this.processSampler?.sample() : undefined;
    let view = new WorkloadView(this.sim, process, this.revenueToday, this.availability.availabilityPercent());
    this.currentHealth = assessHealth({
      gauges: this.sim.gauges,
      dbQueryP95Ms: view.quantile(DB_HISTOGRAM, 1),
      cacheHitPercent: this.metricValue(view, 'cache.hit_rate'),
      thresholds: this.thresholds,
    });
    this.minuteUp &&= this.currentHealth.status !== 'unhealthy';

    if (t % MINUTE_MS === 0) {
      this.availability.record(this.minuteUp, this.sim.minute.sum(C.requests), this.sim.minute.sum(C.errors));
      this.minuteUp = true;
      view = new WorkloadView(this.sim, process, this.revenueToday, this.availability.availabilityPercent());
      this.history.write(
        t - MINUTE_MS,
        SERIES.map((s) => this.seriesValue(view, s.definition, s.endpoint))
      );
      if (t % 3_600_000 === 0) {
        this.store.prune(t);
        this.incidentTracker.prune(t);
      }
    }
    this.view = view;
    this.snapshot = null;

    this.evaluator.evaluate(t, (metric) => this.metricValue(view, metric));
    this.updateMaintenance(t);
    this.processDueAcks(t);
  }

  private seriesValue(view: WorkloadView, definition: MetricDefinition, endpoint?: number): number {
    return roundTo(definition.value(view, endpoint), definition.decimals);
  }

  private metricValue(view: WorkloadView, metric: string): number {
    const definition = definitionByName(metric);
    if (!definition) throw new Error(`Unknown metric ${metric} in an alert rule`);
    return this.seriesValue(view, definition);
  }

  private updateMaintenance(t: number): void {
    const inWindow = inMaintenanceWindow(t);
    if (inWindow && this.maintenanceAlertId === null) {
      this.maintenanceAlertId = this.store.open(
        {
          rule: 'maintenance',
          name: 'Scheduled Maintenance',
          severity: 'info',
          description: 'Weekly maintenance window (Sunday 06:00-06:30 UTC): deploys and database housekeeping.',
          metric: null,
          value: null,
          threshold: null,
          labels: { service: 'platform' },
          runbookUrl: null,
          escalation: 'none',
        },
        t
      ).id;
    } else if (!inWindow && this.maintenanceAlertId !== null) {
      this.store.resolve(this.maintenanceAlertId, t);
      this.maintenanceAlertId = null;
    }
  }

  /** In replayed history someone on call acknowledges most alerts after a while. */
  private simulateOnCall(record: AlertRecord): void {
    if (record.startedAt >= this.liveFrom || record.severity === 'info') return;
    if (this.onCallRng.chance(0.7)) {
      this.pendingAcks.push({ id: record.id, at: record.startedAt + this.onCallRng.int(2, 25) * MINUTE_MS });
    }
  }

  private processDueAcks(t: number): void {
    for (let i = this.pendingAcks.length - 1; i >= 0; i--) {
      const pending = this.pendingAcks[i]!;
      if (pending.at <= t) {
        this.pendingAcks.splice(i, 1);
        if (this.store.isOpen(pending.id)) this.store.acknowledge(pending.id, pending.at);
      }
    }
  }

  // ---- scenarios ----------------------------------------------------------

  /** Moves the workload into a scenario from the next tick on; "normal" ends it. */
  setScenario(name: ScenarioName, durationSeconds?: number): ScenarioState {
    this.sync();
    const now = this.clock.now();
    this.override =
      name === 'normal'
        ? null
        : { name, startedAt: now, endsAt: durationSeconds === undefined ? null : now + durationSeconds * 1000 };
    return this.scenario();
  }

  scenario(): ScenarioState {
    const o = this.override;
    if (!o || (o.endsAt !== null && o.endsAt <= this.clock.now())) {
      return { name: 'normal', started_at: null, ends_at: null };
    }
    return {
      name: o.name,
      started_at: new Date(o.startedAt).toISOString(),
      ends_at: o.endsAt === null ? null : new Date(o.endsAt).toISOString(),
    };
  }

  // ---- MonitoringSource ---------------------------------------------------

  health(): Omit<HealthReport, 'timestamp'> {
    this.sync();
    return this.currentHealth;
  }

  uptime(): Omit<UptimeReport, 'timestamp'> {
    this.sync();
    const percentage = roundTo(this.availability.availabilityPercent(), 3);
    const uptimeOk = percentage >= SLA_TARGET_PERCENT;
    const errorRateOk = this.availability.errorRatio() <= this.thresholds.ERROR_RATE_THRESHOLD;
    const seconds = Math.floor((this.clock.now() - this.historyStart) / 1000);
    return {
      status: this.currentHealth.status,
      uptime: { formatted: formatDuration(seconds), percentage, seconds },
      sla: {
        target: SLA_TARGET_PERCENT,
        compliance: { overall: uptimeOk && errorRateOk, uptime: uptimeOk, errorRate: errorRateOk },
      },
    };
  }

  metrics(): MetricSample[] {
    this.sync();
    if (this.snapshot?.tick === this.lastTick) return this.snapshot.samples;
    const samples: MetricSample[] = [];
    for (const key of SERIES) {
      const value = this.seriesValue(this.view, key.definition, key.endpoint);
      if (Number.isNaN(value)) continue;
      const { name, unit, category, description } = key.definition;
      samples.push({
        name,
        value,
        unit,
        category,
        description,
        ...(key.endpoint === undefined ? {} : { labels: key.labels }),
      });
    }
    this.snapshot = { tick: this.lastTick, samples };
    return samples;
  }

  readonly alerts = {
    active: () => {
      this.sync();
      return this.store.active(this.clock.now());
    },
    configuration: () => ({
      rules: this.evaluator.rules.map(({ service: _service, ...rule }) => rule),
      channels: this.channels.list(),
      thresholds: { ...this.thresholds },
    }),
    trigger: (input: { severity: Severity; description: string; title?: string }) => {
      this.sync();
      const now = this.clock.now();
      const record = this.store.open(
        {
          rule: 'manual',
          name: input.title ?? 'Manual Alert',
          severity: input.severity,
          description: input.description,
          metric: null,
          value: null,
          threshold: null,
          labels: { service: 'manual' },
          runbookUrl: null,
          escalation: ESCALATION_BY_SEVERITY[input.severity],
        },
        now
      );
      return toAlert(record, now);
    },
    acknowledge: (id: string) => {
      this.sync();
      return this.store.acknowledge(id, this.clock.now());
    },
    resolve: (id: string) => {
      this.sync();
      return this.store.resolve(id, this.clock.now());
    },
    testChannel: (channel: string) => this.channels.test(channel, this.clock.now()),
  };

  readonly metricsHistory = {
    retentionDays: 0,
    resolutionSeconds: HISTORY_RESOLUTION_SECONDS,
    catalog: () =>
      METRIC_DEFINITIONS.map(({ name, unit, category, description }) => ({ name, unit, category, description })),
    query: (q: MetricsHistoryQuery): HistorySeries[] => {
      this.sync();
      const to = Math.min(q.to, this.clock.now() + 1);
      return SERIES.flatMap((key, index) => {
        const d = key.definition;
        if ((q.name && d.name !== q.name) || (q.category && d.category !== q.category)) return [];
        const points = this.history
          .query(index, q.from, to, q.stepSeconds * 1000, aggregationOf(d))
          .map(([t, v]): [number, number] => [t, roundTo(v, Math.max(d.decimals, 3))]);
        return [{ name: d.name, unit: d.unit, category: d.category, labels: key.labels, points }];
      });
    },
  };

  readonly alertHistory = {
    retentionDays: ALERT_RETENTION_DAYS,
    history: (range: TimeRange, severity?: Severity) => {
      this.sync();
      return this.store.history(range, this.clock.now(), severity);
    },
  };

  readonly incidents = {
    retentionDays: INCIDENT_RETENTION_DAYS,
    incidents: (range: TimeRange) => {
      this.sync();
      return this.incidentTracker.report(range, this.clock.now());
    },
  };
}
