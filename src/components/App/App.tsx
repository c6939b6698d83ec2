import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';

import { ROUTES } from '../../constants';

const Overview = React.lazy(() => import('../../pages/Overview'));
const OnCallSchedule = React.lazy(() => import('../../pages/OnCallSchedule'));
const ConfigPage = React.lazy(() => import('../../pages/config/ConfigPage'));

function App(_: AppRootProps) {
  return (
    <Routes>
      <Route path={`${ROUTES.OnCall}/*`} element={<OnCallSchedule />} />
      <Route path="config/*" element={<ConfigPage />} />
      <Route path="*" element={<Overview />} />
    </Routes>
  );
}

export default App;
