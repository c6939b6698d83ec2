import React, { useMemo } from 'react';
import { PluginPage } from '@grafana/runtime';
import { UrlSyncContextProvider } from '@grafana/scenes';

import { testIds } from '../../components/testIds';
import { buildStatusScene } from './scene';

/** The app's home: one screen with the application's state now and links onward. */
function StatusHome() {
  const scene = useMemo(() => buildStatusScene(), []);
  return (
    <PluginPage>
      <div data-testid={testIds.home.container}>
        {/* from, to and var-datasource live in the URL, so a view can be shared. */}
        <UrlSyncContextProvider scene={scene} updateUrlOnInit={true} createBrowserHistorySteps={true}>
          <scene.Component model={scene} />
        </UrlSyncContextProvider>
      </div>
    </PluginPage>
  );
}

export default StatusHome;
