import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { AcknowledgeButton } from '../../shared/AcknowledgeButton';
import { ActionResult, ActionState } from '../../shared/alertActions';
import { normalizeSeverity, severityColor } from '../../shared/severity';
import { formatCountdown } from './countdown';
import { EscalatingAlert, EscalationStep } from './types';

/** Acknowledging from the cards: through which data source, and what happens after. */
export interface LadderActions {
  /** The AppMon data source of the escalation query. */
  datasourceUid: string;
  /** Whether the user may act (one request for every card). */
  state?: ActionState;
  onDone?: (alertId: string, result: ActionResult) => void;
}

interface Props {
  steps: EscalationStep[];
  alerts: EscalatingAlert[];
  now: number;
  large: boolean;
  actions?: LadderActions;
}

function stepWords(step: EscalationStep): string {
  if (step.action === 'start_incident') {
    return 'Start an incident';
  }
  return `Notify ${step.target || 'nobody'}`;
}

/** Where an alert sits on the ladder; a step past the policy's end counts as its last. */
function ladderPosition(alert: EscalatingAlert, steps: EscalationStep[]): number {
  const last = steps.length - 1;
  const position = steps.findIndex((s) => s.step === alert.currentStep);
  return position === -1 ? (alert.currentStep > steps[last].step ? last : 0) : position;
}

function alertsAtStep(alerts: EscalatingAlert[], steps: EscalationStep[], index: number): EscalatingAlert[] {
  return alerts.filter((a) => ladderPosition(a, steps) === index);
}

/**
 * The step in people's words, counted from 1: the data counts from 0 and says
 * -1 while the first step's wait has not passed.
 */
export function stepOfWords(alert: EscalatingAlert, steps: EscalationStep[]): string | undefined {
  if (steps.length === 0) {
    return alert.currentStep >= 0 ? `step ${alert.currentStep + 1}` : undefined;
  }
  if (alert.currentStep < steps[0].step) {
    return `step 1 of ${steps.length} not reached yet`;
  }
  return `step ${ladderPosition(alert, steps) + 1} of ${steps.length}`;
}

/** The escalation policy as a ladder of steps, with each active unacknowledged alert on the step it reached. */
export function EscalationLadder({ steps, alerts, now, large, actions }: Props) {
  const styles = useStyles2(getStyles, large);
  const theme = useTheme2();

  const chip = (alert: EscalatingAlert) => (
    <li
      key={alert.id}
      data-alert-id={alert.id}
      className={styles.alert}
      style={{ borderLeftColor: severityColor(theme, normalizeSeverity(alert.severity)) }}
    >
      <span className={styles.alertName}>{alert.name}</span>
      <span className={styles.muted}>
        {[stepOfWords(alert, steps), alert.severity].filter(Boolean).join(' · ')}
        {alert.minutesUnacknowledged !== undefined &&
          ` · ${Math.round(alert.minutesUnacknowledged)} min unacknowledged`}
        {alert.notifying && ` · notifying ${alert.notifying}`}
      </span>
      {alert.nextStepAt !== undefined && (
        <span className={styles.muted} role="timer">
          {alert.nextStepAt > now ? `next step in ${formatCountdown(alert.nextStepAt - now)}` : 'next step due'}
        </span>
      )}
      {actions && (
        <span className={styles.action}>
          <AcknowledgeButton
            datasourceUid={actions.datasourceUid}
            alertId={alert.id}
            alertName={alert.name}
            state={actions.state}
            onDone={(result) => actions.onDone?.(alert.id, result)}
          />
        </span>
      )}
    </li>
  );

  return (
    <section className={styles.section} aria-label="Escalation">
      <h4 className={styles.heading}>
        Escalation{' '}
        <span className={styles.muted}>
          {alerts.length === 0
            ? '· no unacknowledged alerts'
            : `· ${alerts.length} unacknowledged alert${alerts.length === 1 ? '' : 's'}`}
        </span>
      </h4>
      {steps.length > 0 ? (
        <ol className={styles.ladder}>
          {steps.map((step, i) => {
            const here = alertsAtStep(alerts, steps, i);
            return (
              <li
                key={step.step}
                className={here.length ? styles.stepActive : styles.step}
                aria-label={`Step ${i + 1}: after ${step.afterMinutes} minutes, ${stepWords(step)}; ${here.length} alert${here.length === 1 ? '' : 's'} here`}
                data-testid="escalation-step"
              >
                <div className={styles.stepHead}>
                  <span className={styles.stepNumber}>{i + 1}</span>
                  <span className={styles.muted}>
                    {step.afterMinutes === 0 ? 'at once' : `after ${step.afterMinutes} min`}
                  </span>
                </div>
                <div className={styles.target}>{stepWords(step)}</div>
                {here.length > 0 && <ul className={styles.alerts}>{here.map(chip)}</ul>}
              </li>
            );
          })}
        </ol>
      ) : (
        alerts.length > 0 && <ul className={styles.alerts}>{alerts.map(chip)}</ul>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2, large: boolean) => {
  const step = {
    flex: '1 1 160px',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column' as const,
    gap: theme.spacing(0.5),
    padding: theme.spacing(1),
    borderRadius: theme.shape.radius.default,
    border: `1px solid ${theme.colors.border.weak}`,
    background: theme.colors.background.primary,
  };
  return {
    section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
    heading: css({ margin: 0, fontSize: large ? theme.typography.h3.fontSize : theme.typography.h5.fontSize }),
    ladder: css({ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) }),
    step: css(step),
    stepActive: css({
      ...step,
      borderColor: theme.colors.warning.border,
      background: theme.colors.warning.transparent,
    }),
    stepHead: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
    stepNumber: css({
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: large ? 32 : 22,
      height: large ? 32 : 22,
      borderRadius: '50%',
      background: theme.colors.background.secondary,
      fontWeight: theme.typography.fontWeightBold,
    }),
    target: css({
      fontSize: large ? theme.typography.h4.fontSize : theme.typography.body.fontSize,
      fontWeight: theme.typography.fontWeightMedium,
    }),
    alerts: css({
      listStyle: 'none',
      margin: 0,
      padding: 0,
      display: 'flex',
      flexDirection: 'column',
      gap: theme.spacing(0.5),
    }),
    alert: css({
      display: 'flex',
      flexDirection: 'column',
      padding: theme.spacing(0.5, 1),
      borderLeft: '4px solid',
      background: theme.colors.background.secondary,
      borderRadius: theme.shape.radius.default,
    }),
    alertName: css({
      fontWeight: theme.typography.fontWeightMedium,
      fontSize: large ? theme.typography.h5.fontSize : undefined,
    }),
    action: css({ marginTop: theme.spacing(0.5) }),
    muted: css({
      color: theme.colors.text.secondary,
      fontSize: large ? theme.typography.body.fontSize : theme.typography.bodySmall.fontSize,
      fontWeight: theme.typography.fontWeightRegular,
    }),
  };
};
