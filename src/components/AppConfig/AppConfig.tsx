import React from 'react';
import { lastValueFrom } from 'rxjs';
import { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { getBackendSrv, locationService } from '@grafana/runtime';
import { Alert, Button, LinkButton, Stack, Text } from '@grafana/ui';

import { OBJECTIVES_EDITOR_URL, ROTA_EDITOR_URL } from '../../pages/config/routes';
import { testIds } from '../testIds';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta> {}

/**
 * The app itself holds no settings: connection details and secrets belong to each
 * AppMon data source (secureJsonData), so one Grafana can watch several applications.
 */
const AppConfig = ({ plugin }: AppConfigProps) => {
  const { enabled, pinned, id } = plugin.meta;

  const setEnabled = async (nextEnabled: boolean) => {
    await lastValueFrom(
      getBackendSrv().fetch({
        url: `/api/plugins/${id}/settings`,
        method: 'POST',
        data: { enabled: nextEnabled, pinned: nextEnabled ? true : pinned, jsonData: {} },
      })
    );
    locationService.reload();
  };

  return (
    <div data-testid={testIds.appConfig.container}>
      <Stack direction="column" gap={2}>
        <Text element="p">
          Enabling AppMon adds its pages to the navigation. Connect an application by adding an <b>AppMon Endpoints</b>{' '}
          data source with the application&apos;s base URL and metrics API key.
        </Text>
        {!enabled && <Alert severity="info" title="AppMon is disabled" />}
        {enabled && (
          <Stack direction="column" gap={1}>
            <Text element="p">
              Each data source has its objectives and on-call rota. Edit them in forms, checked before they are saved:
            </Text>
            <Stack gap={1}>
              <LinkButton variant="secondary" icon="sliders-v-alt" href={OBJECTIVES_EDITOR_URL}>
                Edit objectives
              </LinkButton>
              <LinkButton variant="secondary" icon="users-alt" href={ROTA_EDITOR_URL}>
                Edit on-call rota
              </LinkButton>
            </Stack>
          </Stack>
        )}
        <div>
          <Button
            data-testid={testIds.appConfig.toggle}
            variant={enabled ? 'destructive' : 'primary'}
            onClick={() => setEnabled(!enabled)}
          >
            {enabled ? 'Disable AppMon' : 'Enable AppMon'}
          </Button>
        </div>
      </Stack>
    </div>
  );
};

export default AppConfig;
