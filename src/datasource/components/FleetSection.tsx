import React, { ChangeEvent, useRef } from 'react';
import { SelectableValue } from '@grafana/data';
import { Button, Field, FieldSet, IconButton, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';

import {
  dnsNameProblem,
  FLEET_LIMITS,
  FleetDiscovery,
  FleetMode,
  FleetRecord,
  FleetSettings,
  fleetMode,
  instanceProblems,
  numberProblem,
  parseNumber,
  switchMode,
} from './fleetSettings';

interface Props {
  fleet?: FleetSettings;
  /** The data source URL: the first row of a new list. */
  url?: string;
  onChange: (fleet: FleetSettings | undefined) => void;
}

const MODE_OPTIONS: Array<SelectableValue<FleetMode>> = [
  { value: 'single', label: 'One application', description: 'The URL above' },
  { value: 'list', label: 'List of instances', description: 'Base URLs you list' },
  { value: 'dns', label: 'DNS discovery', description: 'A DNS name that lists the instances' },
];

const MODE_HELP: Record<FleetMode, string> = {
  single: 'The URL above answers every query. Right for one instance, or instances that share their monitoring data.',
  list: 'Each instance is read directly: series get an instance label, and a query can show the fleet combined. For a fixed set of instances.',
  dns: 'The instances are resolved from DNS and refreshed, for fleets that scale. Scheme and path come from the URL above.',
};

const RECORD_OPTIONS: Array<SelectableValue<FleetRecord>> = [
  { value: 'A', label: 'A / AAAA', description: 'Addresses; every instance on one port' },
  { value: 'AAAA', label: 'AAAA', description: 'IPv6 addresses only' },
  { value: 'SRV', label: 'SRV', description: 'Each record carries its own port' },
];

/**
 * "Instances": one application at the data source URL, a list of instances, or a DNS name that
 * lists them. Switching back and forth keeps what was typed in each mode until the page closes.
 */
export function FleetSection({ fleet, url, onChange }: Props) {
  const mode = fleetMode(fleet);
  const remembered = useRef<{ instances?: string[]; discovery?: FleetDiscovery }>({});

  const onMode = (next: FleetMode) => {
    // What the mode being left holds comes back when the user returns to it.
    if (fleet?.instances) {
      remembered.current.instances = fleet.instances;
    }
    if (fleet?.discovery) {
      remembered.current.discovery = fleet.discovery;
    }
    onChange(switchMode(next, fleet, remembered.current, url));
  };

  const { min, max } = FLEET_LIMITS.maxConcurrency;
  const concurrencyProblem = numberProblem(fleet?.maxConcurrency, min, max);

  return (
    <FieldSet label="Instances">
      <Stack direction="column" gap={1}>
        <RadioButtonGroup<FleetMode> aria-label="Instances" options={MODE_OPTIONS} value={mode} onChange={onMode} />
        <Text color="secondary">
          {MODE_HELP[mode]}
          {mode !== 'single' &&
            ' Every query reads every instance; past about 100 instances, scrape them with Prometheus instead.'}
        </Text>
        <div>
          {mode === 'list' && fleet && <InstanceList fleet={fleet} onChange={onChange} />}
          {mode === 'dns' && fleet && <DiscoveryFields fleet={fleet} onChange={onChange} />}
          {mode !== 'single' && fleet && (
            <Field
              label="Max concurrency"
              description={`Requests in flight to the instances at once. Default ${FLEET_LIMITS.maxConcurrency.default}.`}
              invalid={Boolean(concurrencyProblem)}
              error={concurrencyProblem}
            >
              <Input
                id="appmon-fleet-max-concurrency"
                type="number"
                min={min}
                max={max}
                width={20}
                placeholder={String(FLEET_LIMITS.maxConcurrency.default)}
                value={fleet.maxConcurrency ?? ''}
                onChange={(e: ChangeEvent<HTMLInputElement>) =>
                  onChange({ ...fleet, maxConcurrency: parseNumber(e.target.value) })
                }
              />
            </Field>
          )}
        </div>
      </Stack>
    </FieldSet>
  );
}

interface PartProps {
  fleet: FleetSettings;
  onChange: (fleet: FleetSettings) => void;
}

/** One row per instance's base URL; each row says what is wrong with it. */
function InstanceList({ fleet, onChange }: PartProps) {
  const instances = fleet.instances ?? [];
  const problems = instanceProblems(instances);
  const set = (next: string[]) => onChange({ ...fleet, instances: next });

  return (
    <Field
      label="Base URLs"
      description="Each instance's own address (not the load balancer's), like http://10.0.0.1:4000. The API key is sent to each."
    >
      <Stack direction="column" gap={1}>
        {instances.map((value, i) => (
          <Stack key={i} gap={1} alignItems="flex-start">
            <Field invalid={Boolean(problems[i])} error={problems[i]} noMargin>
              <Input
                aria-label={`Instance ${i + 1}`}
                width={50}
                placeholder="http://10.0.0.1:4000"
                value={value}
                onChange={(e: ChangeEvent<HTMLInputElement>) =>
                  set(instances.map((v, j) => (j === i ? e.target.value : v)))
                }
                onBlur={() => value !== value.trim() && set(instances.map((v, j) => (j === i ? v.trim() : v)))}
              />
            </Field>
            <IconButton
              name="trash-alt"
              tooltip={`Remove instance ${i + 1}`}
              disabled={instances.length === 1}
              onClick={() => set(instances.filter((_, j) => j !== i))}
            />
          </Stack>
        ))}
        <div>
          <Button
            variant="secondary"
            size="sm"
            icon="plus"
            disabled={instances.length >= FLEET_LIMITS.maxInstances}
            onClick={() => set([...instances, ''])}
          >
            Add instance
          </Button>
        </div>
      </Stack>
    </Field>
  );
}

function DiscoveryFields({ fleet, onChange }: PartProps) {
  const d = fleet.discovery ?? {};
  const record = d.record ?? 'A';
  const set = (patch: Partial<FleetDiscovery>) => onChange({ ...fleet, discovery: { ...d, ...patch } });
  const nameProblem = dnsNameProblem(d.name);
  const portProblem = numberProblem(d.port, FLEET_LIMITS.port.min, FLEET_LIMITS.port.max);
  const { min, max } = FLEET_LIMITS.refreshSeconds;
  const refreshProblem = numberProblem(d.refreshSeconds, min, max, false);

  return (
    <>
      <Field
        label="DNS name"
        description={record === 'SRV' ? 'Like _http._tcp.app.internal.' : 'Like app.internal.'}
        invalid={Boolean(nameProblem)}
        error={nameProblem}
        required
      >
        <Input
          id="appmon-fleet-dns-name"
          width={50}
          placeholder={record === 'SRV' ? '_http._tcp.app.internal' : 'app.internal'}
          value={d.name ?? ''}
          onChange={(e: ChangeEvent<HTMLInputElement>) => set({ name: e.target.value.trim() })}
        />
      </Field>
      <Field label="Record">
        <RadioButtonGroup<FleetRecord>
          aria-label="Record"
          options={RECORD_OPTIONS}
          value={record}
          // SRV records carry their own ports: the backend refuses a port with them.
          onChange={(v) => set(v === 'SRV' ? { record: v, port: undefined } : { record: v })}
        />
      </Field>
      {record !== 'SRV' && (
        <Field
          label="Port"
          description="The port of every instance. Default: the URL's port."
          invalid={Boolean(portProblem)}
          error={portProblem}
        >
          <Input
            id="appmon-fleet-dns-port"
            type="number"
            min={FLEET_LIMITS.port.min}
            max={FLEET_LIMITS.port.max}
            width={20}
            placeholder="URL's port"
            value={d.port ?? ''}
            onChange={(e: ChangeEvent<HTMLInputElement>) => set({ port: parseNumber(e.target.value) })}
          />
        </Field>
      )}
      <Field
        label="Refresh (seconds)"
        description={`How long one DNS answer is used. Default ${FLEET_LIMITS.refreshSeconds.default}.`}
        invalid={Boolean(refreshProblem)}
        error={refreshProblem}
      >
        <Input
          id="appmon-fleet-dns-refresh"
          type="number"
          min={min}
          max={max}
          width={20}
          placeholder={String(FLEET_LIMITS.refreshSeconds.default)}
          value={d.refreshSeconds ?? ''}
          onChange={(e: ChangeEvent<HTMLInputElement>) => set({ refreshSeconds: parseNumber(e.target.value) })}
        />
      </Field>
    </>
  );
}
