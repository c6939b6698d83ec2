import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';

import { ROUTES } from '../../constants';

const Overview = React.lazy(() => import('../../pages/Overview'));
const OnCallSchedule = React.lazy(() => import('../../pages/OnCallSchedule'));

function App(_: AppRootProps) {
  return (
    <Routes>
      <Route path={`${ROUTES.OnCall}/*`} element={<OnCallSchedule />} />
      <Route path="*" element={<Overview />} />
    </Routes>
  );
}

export default App;
