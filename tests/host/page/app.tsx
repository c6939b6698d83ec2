// The app's pages under /a/<id>/… inside a router, and its configuration page, as
// Grafana's app root and plugin details pages render them.
import React from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppPlugin } from '@grafana/data';
import { LocationServiceProvider, locationService } from '@grafana/runtime';

export function renderAppPage(plugin: AppPlugin, path: string) {
  const Root = plugin.root;
  if (!Root) {
    throw new Error('the app has no root page');
  }
  const base = `/a/${plugin.meta.id}`;
  // Grafana provides its location service to everything it renders (scenes' URL sync reads it).
  return (
    <LocationServiceProvider service={locationService}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path={`${base}/*`}
            element={<Root meta={plugin.meta} path={base} basename={base} query={{}} onNavChanged={() => {}} />}
          />
        </Routes>
      </MemoryRouter>
    </LocationServiceProvider>
  );
}

export function renderAppConfig(plugin: AppPlugin) {
  const page = plugin.configPages?.[0];
  if (!page) {
    throw new Error('the app has no configuration page');
  }
  const Body = page.body;
  return (
    <MemoryRouter initialEntries={[`/plugins/${plugin.meta.id}`]}>
      <Body plugin={plugin} query={{}} />
    </MemoryRouter>
  );
}
