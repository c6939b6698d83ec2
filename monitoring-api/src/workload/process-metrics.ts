// Real figures of this server process, where the platform has them. They
// cannot be replayed from a seed, so the history holds them only from the
// moment the server started (earlier minutes are gaps).
import { availableParallelism, loadavg, platform } from 'node:os';
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';

export interface ProcessSample {
  cpuPercent: number;
  /** NaN where the OS has no load average (Windows). */
  loadAverage1m: number;
  heapUsedBytes: number;
  rssBytes: number;
  eventLoopLagP99Ms: number;
}

export interface ProcessSampler {
  sample(): ProcessSample;
  stop(): void;
}

/** Below this real interval the previous CPU and lag figures are reused. */
const MIN_INTERVAL_MS = 1_000;

export class NodeProcessSampler implements ProcessSampler {
  private readonly loopDelay: IntervalHistogram;
  private lastCpu = process.cpuUsage();
  private lastAt = performance.now();
  private last: ProcessSample | undefined;

  constructor() {
    this.loopDelay = monitorEventLoopDelay({ resolution: 20 });
    this.loopDelay.enable();
  }

  sample(): ProcessSample {
    const now = performance.now();
    const elapsedMs = now - this.lastAt;
    const memory = process.memoryUsage();
    if (this.last && elapsedMs < MIN_INTERVAL_MS) {
      return { ...this.last, heapUsedBytes: memory.heapUsed, rssBytes: memory.rss };
    }
    const cpu = process.cpuUsage(this.lastCpu);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const lagMs = this.loopDelay.count > 0 ? this.loopDelay.percentile(99) / 1e6 : 0;
    this.loopDelay.reset();
    this.lastCpu = process.cpuUsage();
    this.lastAt = now;
    this.last = {
      cpuPercent: Math.min(100, (cpuMs / Math.max(1, elapsedMs) / availableParallelism()) * 100),
      loadAverage1m: platform() === 'win32' ? NaN : loadavg()[0]!,
      heapUsedBytes: memory.heapUsed,
      rssBytes: memory.rss,
      eventLoopLagP99Ms: lagMs,
    };
    return this.last;
  }

  stop(): void {
    this.loopDelay.disable();
  }
}
