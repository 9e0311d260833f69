import { rigaToday } from '@adoption/model';
import { Alert, Card } from '@mui/material';
import { useState } from 'react';
import {
  HttpError,
  RecordContextProvider,
  ResourceContextProvider,
  SaveContextProvider,
  Title,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';

import { ChildForm } from '../children/ChildForm';
import { childTransform } from '../children/transform';
import { httpClient } from '../providers/http';
import { proposalFormErrors } from './steps';

type Values = Record<string, unknown>;

/** The sheet as the API takes it: blank inputs are no value, the confirmation is the specialist's. */
export function sheetOf(values: Values): Values {
  const { confirmLikelyDuplicate: _confirm, id: _id, ...data } = childTransform(values);
  return Object.fromEntries(
    Object.entries(data)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v === '' ? null : v]),
  );
}

/**
 * An orphan court's "new child record sheet": the child's card form (children/ChildForm.tsx),
 * sent as a change request of kind `create`. The child enters the register when a specialist
 * accepts it; the API's answers land under the inputs they name.
 */
export const NewChildSheet = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [saving, setSaving] = useState(false);
  const save = async (values: Values) => {
    setSaving(true);
    try {
      const { json } = await httpClient('/api/change-requests', {
        method: 'POST',
        body: JSON.stringify({ resource: 'children', kind: 'create', changes: sheetOf(values) }),
      });
      notify('app.change_requests.done.sent', { type: 'success' });
      redirect(`/change-requests/${(json as { id: number }).id}/show`);
      return undefined;
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      return e instanceof HttpError ? proposalFormErrors(e.body) : undefined;
    } finally {
      setSaving(false);
    }
  };
  return (
    <ResourceContextProvider value="children">
      <SaveContextProvider value={{ save, saving, mutationMode: 'pessimistic' }}>
        <Title title={translate('app.change_requests.new_child')} />
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate('app.change_requests.new_child_help')}
        </Alert>
        <Card sx={{ mt: 1 }}>
          <RecordContextProvider value={{ recordSheetReceivedOn: rigaToday() }}>
            <ChildForm />
          </RecordContextProvider>
        </Card>
      </SaveContextProvider>
    </ResourceContextProvider>
  );
};
