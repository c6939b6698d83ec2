// Evaluates the rules on every tick. A rule fires once its condition has
// held for its "for" window on consecutive evaluations, and resolves on the
// first evaluation where the condition no longer holds.
import type { AlertStore } from './alert-store.js';
import { breaches, type RuleDefinition } from './rules.js';

interface RuleState {
  pendingSince: number | null;
  alertId: string | null;
}

function formatValue(value: number, unit: string): string {
  const rounded = Math.round(value * 100) / 100;
  return unit === 'bool' ? String(rounded) : `${rounded}${unit === '%' ? '%' : ` ${unit}`}`;
}

export class RuleEvaluator {
  private readonly states = new Map<string, RuleState>();

  constructor(
    readonly rules: readonly RuleDefinition[],
    private readonly store: AlertStore,
    private readonly runbookBaseUrl: string
  ) {
    for (const rule of rules) this.states.set(rule.name, { pendingSince: null, alertId: null });
  }

  evaluate(at: number, valueOf: (metric: string) => number): void {
    for (const rule of this.rules) {
      const state = this.states.get(rule.name)!;
      if (state.alertId !== null && !this.store.isOpen(state.alertId)) {
        // Resolved by hand while the condition may still hold: start a new window.
        state.alertId = null;
        state.pendingSince = null;
      }
      const value = valueOf(rule.metric);
      if (!breaches(value, rule.operator, rule.threshold)) {
        state.pendingSince = null;
        if (state.alertId !== null) {
          this.store.resolve(state.alertId, at);
          state.alertId = null;
        }
        continue;
      }
      state.pendingSince ??= at;
      if (state.alertId !== null) {
        this.store.get(state.alertId)!.value = value;
        continue;
      }
      if (at - state.pendingSince >= rule.for_seconds * 1000) {
        const record = this.store.open(
          {
            rule: rule.name,
            name: rule.title,
            severity: rule.severity,
            description: `${rule.title}: ${rule.metric} is ${formatValue(value, rule.unit)} (threshold ${rule.operator} ${formatValue(rule.threshold, rule.unit)}). ${rule.description}`,
            metric: rule.metric,
            value,
            threshold: rule.threshold,
            labels: { service: rule.service },
            runbookUrl: `${this.runbookBaseUrl}/${rule.name}`,
            escalation: rule.escalation,
          },
          at
        );
        state.alertId = record.id;
      }
    }
  }
}
