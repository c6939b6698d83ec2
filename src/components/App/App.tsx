import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';

import { ROUTES } from '../../constants';

const StatusHome = React.lazy(() => import('../../pages/statusHome/StatusHome'));
const SlaReportPage = React.lazy(() => import('../../pages/slaReport/SlaReportPage'));
const Overview = React.lazy(() => import('../../pages/Overview'));
const OnCallSchedule = React.lazy(() => import('../../pages/OnCallSchedule'));
const ConfigPage = React.lazy(() => import('../../pages/config/ConfigPage'));

function App(_: AppRootProps) {
  return (
    <Routes>
      <Route path={`${ROUTES.Report}/*`} element={<SlaReportPage />} />
      <Route path={`${ROUTES.OnCall}/*`} element={<OnCallSchedule />} />
      <Route path="config/*" element={<ConfigPage />} />
      <Route path={`${ROUTES.Overview}/*`} element={<Overview />} />
      <Route path="*" element={<StatusHome />} />
    </Routes>
  );
}

export default App;
