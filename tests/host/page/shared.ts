// The modules the host shares with plugins, from the real npm packages, registered
// with SystemJS under an import map the way Grafana's plugin loader does. A plugin
// that asks for anything else fails to load ("Unable to resolve bare specifier").
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaDataUnstable from '@grafana/data/unstable';
import * as grafanaI18n from '@grafana/i18n';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaRuntimeUnstable from '@grafana/runtime/unstable';
import * as grafanaUi from '@grafana/ui';
import * as grafanaUiUnstable from '@grafana/ui/unstable';
import * as d3 from 'd3';
import * as i18next from 'i18next';
import jquery from 'jquery';
import lodash from 'lodash';
import moment from 'moment';
import prismjs from 'prismjs';
import react from 'react';
import reactDom from 'react-dom';
import * as reactRedux from 'react-redux';
import * as reactRouter from 'react-router';
import * as reactRouterDom from 'react-router-dom';
import jsxDevRuntime from 'react/jsx-dev-runtime';
import jsxRuntime from 'react/jsx-runtime';
import * as redux from 'redux';
import * as rxjs from 'rxjs';
import * as slate from 'slate';
import slatePlainSerializer from 'slate-plain-serializer';

// ES modules are handed over as webpack expects an interop namespace (__esModule set,
// so a default import reads .default); CommonJS packages as their module.exports.
const esm = (ns: object) => Object.assign({}, ns, { __esModule: true });

export const sharedModules: Record<string, unknown> = {
  '@emotion/css': esm(emotionCss),
  '@emotion/react': esm(emotionReact),
  '@grafana/data': esm(grafanaData),
  '@grafana/data/unstable': esm(grafanaDataUnstable),
  '@grafana/i18n': esm(grafanaI18n),
  '@grafana/runtime': esm(grafanaRuntime),
  '@grafana/runtime/unstable': esm(grafanaRuntimeUnstable),
  '@grafana/ui': esm(grafanaUi),
  '@grafana/ui/unstable': esm(grafanaUiUnstable),
  d3: esm(d3),
  i18next: esm(i18next),
  jquery,
  lodash,
  moment,
  prismjs,
  react,
  'react-dom': reactDom,
  'react-redux': esm(reactRedux),
  // Grafana 12 shares React Router 6 under both names.
  'react-router': esm(reactRouter),
  'react-router-dom': esm(reactRouterDom),
  'react/jsx-dev-runtime': jsxDevRuntime,
  'react/jsx-runtime': jsxRuntime,
  redux: esm(redux),
  rxjs: esm(rxjs),
  slate: esm(slate),
  'slate-plain-serializer': slatePlainSerializer,
};

interface SystemJSLike {
  set(id: string, module: object): void;
  addImportMap(map: { imports: Record<string, string> }): void;
  import(id: string): Promise<Record<string, unknown>>;
}

export const System = (window as unknown as { System: SystemJSLike }).System;

/** Registers every shared module as package:<name> and maps the bare names to them. */
export function registerShared() {
  const imports: Record<string, string> = {};
  for (const [name, mod] of Object.entries(sharedModules)) {
    const id = `package:${name}`;
    // __useDefault: SystemJS's AMD extra hands the module object itself to define().
    System.set(id, { default: mod, __useDefault: true });
    imports[name] = id;
  }
  System.addImportMap({ imports });
}
