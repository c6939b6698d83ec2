import { DataSourcePlugin } from '@grafana/data';

import { DataSource } from './datasource';
import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { AppMonDataSourceOptions, AppMonQuery, AppMonSecureJsonData } from './types';

export const plugin = new DataSourcePlugin<DataSource, AppMonQuery, AppMonDataSourceOptions, AppMonSecureJsonData>(
  DataSource
)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
