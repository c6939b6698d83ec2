import React, { ChangeEvent, FormEvent, useState } from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, FieldSet, Input, SecretInput, Switch, TextArea } from '@grafana/ui';

import { AlertActionsSettings } from '../../shared/alertActionsSettings';
import { AppMonDataSourceOptions, AppMonSecureJsonData } from '../types';
import { FleetSection } from './FleetSection';
import { FleetJsonData, fleetMode } from './fleetSettings';
import { MappingSection } from './MappingSection';
import { MappingJsonData } from './mappingFields';

type Props = DataSourcePluginOptionsEditorProps<AppMonDataSourceOptions, AppMonSecureJsonData>;
type JsonData = AppMonDataSourceOptions & TlsJsonData & MappingJsonData & RedirectJsonData & FleetJsonData;

type NumericSetting =
  | 'timeoutSeconds'
  | 'cacheTTLSeconds'
  | 'retries'
  | 'maxResponseBytes'
  | 'streamIntervalSeconds'
  | 'historyCacheBytes'
  | 'cacheMaxBytes'
  | 'inflightMaxBytes';
type SecretSetting = keyof AppMonSecureJsonData | 'tlsCACert';

/** Other hosts a redirect may lead to with the API key (backend: settings/redirect_hosts.go). */
interface RedirectJsonData {
  allowedRedirectHosts?: string[];
}

/** What the URL is for depends on where the instances come from (Instances section). */
const URL_HELP = {
  single: 'Base URL of the application that serves /api/health/check and /api/monitoring/*.',
  list: 'Base URL of the application, e.g. its load balancer; queries read the instances listed under Instances.',
  dns: 'Base URL of the application; discovered instances use its scheme, path and port.',
} as const;

/** The backend refuses shorter keys: redacting a shorter run from messages would garble words. */
const MIN_KEY_LENGTH = 8;

/** "a.example, b.example:8443" -> ["a.example", "b.example:8443"] */
export function parseHostList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((h) => h.trim())
    .filter((h) => h !== '');
}

interface TlsJsonData {
  tlsSkipVerify?: boolean;
  tlsAuthWithCACert?: boolean;
}

/** The numeric request settings; the backend applies the defaults shown as placeholders. */
const REQUEST_SETTINGS: Array<{
  key: NumericSetting;
  label: string;
  description: string;
  placeholder: string;
  min: number;
  max?: number;
}> = [
  {
    key: 'timeoutSeconds',
    label: 'Timeout (seconds)',
    description: 'Per upstream request, retries included. Default 10.',
    placeholder: '10',
    min: 1,
    max: 300,
  },
  {
    key: 'cacheTTLSeconds',
    label: 'Cache TTL (seconds)',
    description:
      'Identical requests within this time share one upstream call, so a busy dashboard does not flood the application. 0 turns the cache off. Default 5.',
    placeholder: '5',
    min: 0,
    max: 600,
  },
  {
    key: 'retries',
    label: 'Retries',
    description: 'Retries on 429, 502, 503 and 504, honouring Retry-After. Default 2.',
    placeholder: '2',
    min: 0,
    max: 5,
  },
  {
    key: 'maxResponseBytes',
    label: 'Response size limit (bytes)',
    description: 'Larger responses are refused with an error instead of exhausting memory. Default 10 MiB.',
    placeholder: '10485760',
    min: 1024,
  },
  {
    key: 'streamIntervalSeconds',
    label: 'Live interval (seconds)',
    description: 'How often live queries poll the application. Default 5.',
    placeholder: '5',
    min: 1,
    max: 3600,
  },
  {
    key: 'historyCacheBytes',
    label: 'History cache (bytes)',
    description:
      'Metric history kept between queries, so SLOs, burn-rate alert rules and history panels fetch only the newest minutes instead of their whole window. 0 turns it off. Default 64 MiB.',
    placeholder: '67108864',
    min: 0,
    max: 4294967296,
  },
  {
    key: 'cacheMaxBytes',
    label: 'Response cache size (bytes)',
    description:
      'Bounds the response cache, counting both the bodies and what was read from them. Raising the response size limit does not raise it. Default 64 MiB.',
    placeholder: '67108864',
    min: 1048576,
    max: 4294967296,
  },
  {
    key: 'inflightMaxBytes',
    label: 'In-flight memory (bytes)',
    description:
      'Response bytes this data source may be receiving at once, across all panels and alert rules; further requests wait their turn. Default: the larger of 64 MiB and the response size limit.',
    placeholder: '67108864',
    min: 1048576,
    max: 17179869184,
  },
];

/**
 * Secrets are write-only here: Grafana stores them encrypted in secureJsonData and
 * only tells the browser whether each one is set (secureJsonFields).
 */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData as JsonData;
  const secureJsonFields = options.secureJsonFields ?? {};
  const secureJsonData = (options.secureJsonData ?? {}) as Record<SecretSetting, string | undefined>;

  const setJsonData = (patch: Partial<JsonData>) =>
    onOptionsChange({ ...options, jsonData: { ...options.jsonData, ...patch } });

  // The text is kept as typed (a trailing comma included); the list is what is saved.
  const [redirectHosts, setRedirectHosts] = useState((jsonData.allowedRedirectHosts ?? []).join(', '));
  const onRedirectHosts = (event: ChangeEvent<HTMLInputElement>) => {
    setRedirectHosts(event.target.value);
    const hosts = parseHostList(event.target.value);
    setJsonData({ allowedRedirectHosts: hosts.length > 0 ? hosts : undefined });
  };
  const shortKey = (key: keyof AppMonSecureJsonData) => {
    const value = (secureJsonData[key] ?? '').trim();
    return value !== '' && value.length < MIN_KEY_LENGTH;
  };

  const onNumber = (key: NumericSetting) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value === '' ? undefined : Number(event.target.value);
    setJsonData({ [key]: Number.isFinite(value) ? value : undefined });
  };

  const onSecretChange = (key: SecretSetting) => (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    onOptionsChange({ ...options, secureJsonData: { ...options.secureJsonData, [key]: event.currentTarget.value } });

  const onSecretReset = (key: SecretSetting) => () =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...options.secureJsonFields, [key]: false },
      secureJsonData: { ...options.secureJsonData, [key]: '' },
    });

  return (
    <>
      <FieldSet label="Connection">
        <Field label="URL" description={URL_HELP[fleetMode(jsonData.fleet)]} required>
          <Input
            id="appmon-url"
            width={60}
            placeholder="https://app.example.com"
            value={options.url ?? ''}
            onChange={(e: ChangeEvent<HTMLInputElement>) => onOptionsChange({ ...options, url: e.target.value.trim() })}
          />
        </Field>
        <Field
          label="API key"
          description={`Sent as the X-API-Key header on every read (METRICS_API_KEY), only to ${fleetMode(jsonData.fleet) === 'single' ? "this URL's host" : 'the instances'}.`}
          invalid={shortKey('apiKey')}
          error={`The API key must be at least ${MIN_KEY_LENGTH} characters.`}
        >
          <SecretInput
            id="appmon-api-key"
            width={60}
            isConfigured={Boolean(secureJsonFields.apiKey)}
            value={secureJsonData.apiKey ?? ''}
            placeholder="Metrics API key"
            onChange={onSecretChange('apiKey')}
            onReset={onSecretReset('apiKey')}
          />
        </Field>
        <Field
          label="Admin key"
          description="Optional (ADMIN_API_KEY); leave empty for read-only use. With it, users with the Editor role or higher can acknowledge the application's alerts (which stops their escalation), send a test alert and test a notification channel from Grafana. It stays on the Grafana server and is sent only with those actions."
          invalid={shortKey('adminKey')}
          error={`The admin key must be at least ${MIN_KEY_LENGTH} characters.`}
        >
          <SecretInput
            id="appmon-admin-key"
            width={60}
            isConfigured={Boolean(secureJsonFields.adminKey)}
            value={secureJsonData.adminKey ?? ''}
            placeholder="Admin API key"
            onChange={onSecretChange('adminKey')}
            onReset={onSecretReset('adminKey')}
          />
        </Field>
        <AlertActionsSettings datasourceUid={options.uid} adminKeySaved={Boolean(secureJsonFields.adminKey)} />
        <Field
          label="Allowed redirect hosts"
          description="Redirects are followed only within the URL's scheme, host and port, so the API key never reaches another host. List other hosts (host or host:port, comma-separated) that are yours: redirects to them are followed and they receive the API key. HTTPS is never redirected to HTTP."
        >
          <Input
            id="appmon-allowed-redirect-hosts"
            width={60}
            placeholder="other.example:8443"
            value={redirectHosts}
            onChange={onRedirectHosts}
          />
        </Field>
      </FieldSet>

      <FleetSection fleet={jsonData.fleet} url={options.url} onChange={(fleet) => setJsonData({ fleet })} />

      <FieldSet label="Requests">
        {REQUEST_SETTINGS.map((setting) => (
          <Field key={setting.key} label={setting.label} description={setting.description}>
            <Input
              id={`appmon-${setting.key}`}
              type="number"
              min={setting.min}
              max={setting.max}
              width={20}
              value={jsonData[setting.key] ?? ''}
              placeholder={setting.placeholder}
              onChange={onNumber(setting.key)}
            />
          </Field>
        ))}
      </FieldSet>

      <FieldSet label="TLS">
        <Field
          label="Skip TLS certificate verification"
          description="Only for test servers with self-signed certificates."
        >
          <Switch
            id="appmon-tls-skip"
            value={Boolean(jsonData.tlsSkipVerify)}
            onChange={(e) => setJsonData({ tlsSkipVerify: e.currentTarget.checked })}
          />
        </Field>
        <Field label="Custom CA certificate" description="Trust a private certificate authority.">
          <Switch
            id="appmon-tls-ca"
            value={Boolean(jsonData.tlsAuthWithCACert)}
            onChange={(e) => setJsonData({ tlsAuthWithCACert: e.currentTarget.checked })}
          />
        </Field>
        {jsonData.tlsAuthWithCACert && (
          <Field label="CA certificate (PEM)">
            {secureJsonFields.tlsCACert ? (
              <SecretInput isConfigured value="" onChange={() => {}} onReset={onSecretReset('tlsCACert')} width={60} />
            ) : (
              <TextArea
                id="appmon-tls-ca-cert"
                rows={5}
                placeholder="-----BEGIN CERTIFICATE-----"
                onChange={onSecretChange('tlsCACert')}
              />
            )}
          </Field>
        )}
      </FieldSet>

      <MappingSection
        mappings={jsonData.mappings}
        uid={options.uid}
        onChange={(mappings) => setJsonData({ mappings })}
      />
    </>
  );
}
