import React, { useState } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAsync } from 'react-use';
import { PluginPage } from '@grafana/runtime';
import { Alert, Combobox, InlineField, LoadingPlaceholder, Stack, Tab, TabsBar, Text, TextLink } from '@grafana/ui';

import { listAppMonDataSources } from '../../api/catalog';
import { PLUGIN_ID } from '../../constants';
import { ObjectivesEditor } from './ObjectivesEditor';
import { RotaEditor } from './RotaEditor';
import { CONFIG_TABS, CONFIG_TEST_ID, OBJECTIVES_EDITOR_URL, ROTA_EDITOR_URL } from './routes';

const TABS = [
  { id: CONFIG_TABS.objectives, label: 'Objectives', icon: 'sliders-v-alt' as const, url: OBJECTIVES_EDITOR_URL },
  { id: CONFIG_TABS.oncall, label: 'On-call rota', icon: 'users-alt' as const, url: ROTA_EDITOR_URL },
];

/**
 * AppMon › Configuration: objectives and the on-call rota of an AppMon data source, edited in forms
 * the backend checks, and saved into the data source's settings.
 */
function ConfigPage() {
  const datasources = useAsync(listAppMonDataSources, []);
  const [selected, setSelected] = useState<string>();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.includes(`/${CONFIG_TABS.oncall}`) ? CONFIG_TABS.oncall : CONFIG_TABS.objectives;
  const list = datasources.value ?? [];
  const uid = selected ?? list[0]?.uid;

  return (
    <PluginPage>
      <div data-testid={CONFIG_TEST_ID}>
        <Stack direction="column" gap={2}>
          {list.length > 1 && (
            <InlineField
              label="Data source"
              labelWidth={14}
              tooltip="Objectives and the rota belong to each data source"
            >
              <Combobox
                id="appmon-config-ds"
                width={30}
                options={list.map((d) => ({ label: d.name, value: d.uid }))}
                value={uid ?? null}
                onChange={(o) => setSelected(o.value)}
              />
            </InlineField>
          )}
          {list.length === 1 && <Text color="secondary">Data source: {list[0].name}</Text>}
          <TabsBar>
            {TABS.map((t) => (
              <Tab
                key={t.id}
                label={t.label}
                icon={t.icon}
                active={active === t.id}
                onChangeTab={() => navigate(t.url)}
              />
            ))}
          </TabsBar>
          {datasources.loading && <LoadingPlaceholder text="Loading data sources" />}
          {datasources.error && <Alert title="Could not list the data sources">{datasources.error.message}</Alert>}
          {!datasources.loading && list.length === 0 && (
            <Text>Add an AppMon Endpoints data source first: objectives and the rota are part of its settings.</Text>
          )}
          {uid && (
            <Routes>
              <Route path={`${CONFIG_TABS.oncall}/*`} element={<RotaEditor key={uid} uid={uid} />} />
              <Route path="*" element={<ObjectivesEditor key={uid} uid={uid} />} />
            </Routes>
          )}
          <Text color="secondary">
            Enabling or disabling the app: <TextLink href={`/plugins/${PLUGIN_ID}`}>plugin settings</TextLink>.
          </Text>
        </Stack>
      </div>
    </PluginPage>
  );
}

export default ConfigPage;
