import React from 'react';
import { Alert, TextLink } from '@grafana/ui';

import { ROTA_EDITOR_URL } from './routes';
import { ScheduleView } from './types';
import { viewHasPlaceholders } from './placeholders';

/** Says so when the rota still has the placeholder engineers it ships with, and where to change it. */
export function PlaceholderRotaNotice({ view }: { view: ScheduleView }) {
  if (!viewHasPlaceholders(view)) {
    return null;
  }
  return (
    <Alert severity="warning" title="This rota has placeholder engineers">
      Their contacts (at example.com) reach nobody.{' '}
      <TextLink href={ROTA_EDITOR_URL}>Edit it in AppMon › Configuration</TextLink> and put your team&apos;s names and
      contacts in.
    </Alert>
  );
}
