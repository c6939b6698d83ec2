import { useCallback, useEffect, useState } from 'react';

import { getDataSource, grafanaMessage, saveJsonDataSection, SaveResult } from './api';
import { provisioningYaml } from './provisioningYaml';
import { DataSourceSettings, FieldError } from './types';

interface Validation {
  errors: FieldError[];
}

export interface SectionEditorOptions<T, R extends Validation> {
  uid: string;
  /** The jsonData key the form edits ("slos", "oncall"). */
  jsonKey: string;
  validate: (uid: string, form: T | null) => Promise<R>;
  /** The form as the backend read it (defaults filled in); null when it has errors. */
  formOf: (r: R) => T | null;
  /** Problems the browser finds before asking the backend (a number field left empty). */
  localErrors?: (form: T) => FieldError[];
  empty: T;
}

export interface SectionEditor<T, R> {
  loading: boolean;
  loadError?: string;
  settings?: DataSourceSettings;
  form: T;
  setForm: (form: T) => void;
  /** The last answer of the backend's parser, for the form as it was then. */
  result?: R;
  errors: FieldError[];
  busy: boolean;
  dirty: boolean;
  check: () => Promise<void>;
  save: () => Promise<void>;
  saveResult?: SaveResult;
}

/**
 * Loads one jsonData section of a data source into a form, checks the form with the backend's
 * parser (field errors and a preview), and saves what the parser read back into the data source.
 */
export function useSectionEditor<T, R extends Validation>(opts: SectionEditorOptions<T, R>): SectionEditor<T, R> {
  const { uid, jsonKey, validate, formOf, localErrors, empty } = opts;
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string>();
  const [settings, setSettings] = useState<DataSourceSettings>();
  const [form, setFormState] = useState<T>(empty);
  const [result, setResult] = useState<R>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [saveResult, setSaveResult] = useState<SaveResult>();

  useEffect(() => {
    // Editors are keyed by data source, so this runs once per mount.
    let cancelled = false;
    (async () => {
      try {
        const ds = await getDataSource(uid);
        const saved = (ds.jsonData?.[jsonKey] ?? null) as T | null;
        const r = await validate(uid, saved);
        if (cancelled) {
          return;
        }
        setSettings(ds);
        setFormState(formOf(r) ?? saved ?? empty);
        setResult(r);
        setErrors(r.errors);
        setDirty(false);
      } catch (err) {
        if (!cancelled) {
          setLoadError(grafanaMessage(err, 'The data source settings could not be loaded.'));
        }
      } finally {
        if (!cancelled) {
          setLoading(false);
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // The parser functions are module constants; reload when the data source changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [uid, jsonKey]);

  const setForm = useCallback((next: T) => {
    setFormState(next);
    setDirty(true);
    setSaveResult(undefined);
  }, []);

  /** Asks the parser; undefined when the browser already found problems or the call failed. */
  const run = useCallback(async (): Promise<R | undefined> => {
    const local = localErrors?.(form) ?? [];
    if (local.length > 0) {
      setErrors(local);
      return undefined;
    }
    try {
      const r = await validate(uid, form);
      setResult(r);
      setErrors(r.errors);
      return r;
    } catch (err) {
      setErrors([{ field: '', message: grafanaMessage(err, 'The data source could not check the form.') }]);
      return undefined;
    }
  }, [form, localErrors, uid, validate]);

  const check = useCallback(async () => {
    setBusy(true);
    await run();
    setBusy(false);
  }, [run]);

  const save = useCallback(async () => {
    setBusy(true);
    setSaveResult(undefined);
    const r = await run();
    const read = r && r.errors.length === 0 ? formOf(r) : null;
    if (read && settings?.readOnly) {
      // Grafana refuses changes to a data source a provisioning file defines: offer the file's text instead.
      setSaveResult({
        ok: false,
        readOnly: true,
        message: 'A provisioning file defines this data source, so Grafana keeps it read-only.',
        yaml: provisioningYaml({ ...settings, jsonData: { ...settings.jsonData, [jsonKey]: read } }),
      });
    } else if (read) {
      const res = await saveJsonDataSection(uid, jsonKey, read);
      setSaveResult(res);
      if (res.ok) {
        setSettings(res.settings);
        setFormState(read);
        setDirty(false);
      }
    }
    setBusy(false);
  }, [formOf, jsonKey, run, settings, uid]);

  return { loading, loadError, settings, form, setForm, result, errors, busy, dirty, check, save, saveResult };
}
