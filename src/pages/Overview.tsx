import React from 'react';
import { useAsync } from 'react-use';
import { PluginPage } from '@grafana/runtime';
import { Alert, Badge, LinkButton, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';

import { checkHealth, listAppMonDashboards, listAppMonDataSources } from '../api/catalog';
import { testIds } from '../components/testIds';

function DataSourceRow({ uid, name, url }: { uid: string; name: string; url: string }) {
  const health = useAsync(() => checkHealth(uid), [uid]);
  return (
    <Stack gap={1} alignItems="center">
      <TextLink href={`/connections/datasources/edit/${uid}`}>{name}</TextLink>
      <Text color="secondary">{url}</Text>
      {health.loading ? (
        <Badge color="blue" text="checking" />
      ) : (
        <Badge
          color={health.value?.status === 'OK' ? 'green' : 'red'}
          text={health.value?.status === 'OK' ? 'working' : 'failing'}
          tooltip={health.value?.message}
        />
      )}
    </Stack>
  );
}

function Overview() {
  const datasources = useAsync(listAppMonDataSources, []);
  const dashboards = useAsync(listAppMonDashboards, []);

  return (
    <PluginPage>
      <div data-testid={testIds.overview.container}>
        <Stack direction="column" gap={3}>
          <Text element="p">
            AppMon reads your application&apos;s monitoring endpoints (/api/health/check and /api/monitoring/*) and
            turns them into dashboards, SLA reports, an alert timeline, on-call status and Grafana-managed alerts.
          </Text>

          <section data-testid={testIds.overview.datasources} aria-label="Data sources">
            <Text element="h3">Data sources</Text>
            {datasources.loading && <LoadingPlaceholder text="Loading data sources" />}
            {datasources.error && <Alert title="Could not list data sources">{datasources.error.message}</Alert>}
            {datasources.value?.length === 0 && (
              <Stack direction="column" gap={1}>
                <Text>No AppMon data source yet. Add one and point it at your application&apos;s base URL.</Text>
                <LinkButton href="/connections/datasources/new" icon="plus">
                  Add data source
                </LinkButton>
              </Stack>
            )}
            {datasources.value?.map((ds) => (
              <DataSourceRow key={ds.uid} {...ds} />
            ))}
          </section>

          <section data-testid={testIds.overview.dashboards} aria-label="Dashboards">
            <Text element="h3">Dashboards</Text>
            {dashboards.loading && <LoadingPlaceholder text="Loading dashboards" />}
            {dashboards.error && <Alert title="Could not list dashboards">{dashboards.error.message}</Alert>}
            {dashboards.value?.length === 0 && <Text>No AppMon dashboards are provisioned or imported yet.</Text>}
            <Stack direction="column" gap={0.5}>
              {dashboards.value?.map((d) => (
                <TextLink key={d.uid} href={d.url}>
                  {d.title}
                </TextLink>
              ))}
            </Stack>
          </section>
        </Stack>
      </div>
    </PluginPage>
  );
}

export default Overview;
