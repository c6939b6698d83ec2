// Notification channels. The reference server delivers only test messages
// (POST /api/monitoring/alerts {"action":"test"}); URLs can hold tokens, so
// they never appear in responses or logs.
import type { AlertChannel, ChannelTestResult } from '../../contract/types.js';

export interface ChannelConfig {
  /** ALERT_WEBHOOK_URL */
  webhook?: string;
  /** ESCALATION_WEBHOOK_URL */
  escalation?: string;
}

const TIMEOUT_MS = 5_000;

export class NotificationChannels {
  private readonly urls: Record<string, string | undefined>;

  constructor(config: ChannelConfig) {
    this.urls = { webhook: config.webhook || undefined, escalation: config.escalation || undefined };
  }

  list(): AlertChannel[] {
    return Object.entries(this.urls).map(([name, url]) => ({ name, enabled: url !== undefined }));
  }

  async test(channel: string, at: number): Promise<ChannelTestResult | undefined> {
    if (!(channel in this.urls)) return undefined;
    const url = this.urls[channel];
    if (url === undefined) {
      const variable = channel === 'webhook' ? 'ALERT_WEBHOOK_URL' : 'ESCALATION_WEBHOOK_URL';
      return {
        success: false,
        channel,
        message: `Channel "${channel}" is not configured; set ${variable} to enable it.`,
      };
    }
    const payload = {
      type: 'test',
      channel,
      severity: 'info',
      message: 'AppMon monitoring test notification',
      timestamp: new Date(at).toISOString(),
    };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.ok
        ? { success: true, channel, message: `Test notification delivered (HTTP ${response.status}).` }
        : {
            success: false,
            channel,
            message: `The ${channel} endpoint answered HTTP ${response.status}; check its URL and credentials.`,
          };
    } catch (err) {
      const reason =
        (err as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : 'the connection failed';
      return { success: false, channel, message: `Test notification not delivered: ${reason}.` };
    }
  }
}
