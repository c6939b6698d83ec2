import React from 'react';
import { useAsync } from 'react-use';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, LoadingPlaceholder, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';

import { listAppMonDashboards } from '../../api/catalog';
import { PLUGIN_BASE_URL, ROUTES } from '../../constants';

const getStyles = (theme: GrafanaTheme2) => ({
  card: css({
    height: '100%',
    padding: theme.spacing(2),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
});

/** Links into the provisioned dashboards and the app's other pages. */
export function DashboardLinks() {
  const styles = useStyles2(getStyles);
  const dashboards = useAsync(listAppMonDashboards, []);
  return (
    <section className={styles.card} aria-label="Dashboards and reports">
      <Stack direction="column" gap={1}>
        <Text element="h3">Dashboards and reports</Text>
        <Stack gap={2} wrap="wrap">
          <TextLink href={`${PLUGIN_BASE_URL}/${ROUTES.Report}`} icon="file-alt" inline={false}>
            Monthly SLA report
          </TextLink>
          <TextLink href={`${PLUGIN_BASE_URL}/${ROUTES.OnCall}`} icon="calendar-alt" inline={false}>
            On-call schedule
          </TextLink>
          <TextLink href={`${PLUGIN_BASE_URL}/${ROUTES.Overview}`} icon="database" inline={false}>
            Data sources
          </TextLink>
          {dashboards.loading && <LoadingPlaceholder text="Loading dashboards" />}
          {dashboards.value?.map((d) => (
            <TextLink key={d.uid} href={d.url} icon="apps" inline={false}>
              {d.title}
            </TextLink>
          ))}
        </Stack>
        {dashboards.error && <Alert title="Could not list dashboards">{dashboards.error.message}</Alert>}
        {dashboards.value?.length === 0 && <Text>No AppMon dashboards are provisioned or imported yet.</Text>}
      </Stack>
    </section>
  );
}
