import ReplayIcon from '@mui/icons-material/Replay';
import { useState, type MouseEvent } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';

import { httpClient } from '../providers/http';
import { isRetryable } from './status';

/**
 * "Sūtīt vēlreiz": `POST /api/outgoing-mail/:id/retry` puts a dead-lettered mail back in
 * the queue (the API keeps its attempts and last error). Shown only for those statuses and to
 * holders of `outgoing-mail:write`; works inside a list row without opening the record.
 */
export const RetryButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'outgoing-mail', action: 'edit' });
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess || !isRetryable(record.status)) return null;
  const retry = async (event: MouseEvent) => {
    event.stopPropagation();
    setBusy(true);
    try {
      await httpClient(`/api/outgoing-mail/${record.id}/retry`, { method: 'POST' });
      notify('app.outgoing_mail.retried', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="app.outgoing_mail.retry" onClick={(e) => void retry(e)} disabled={busy}>
      <ReplayIcon />
    </Button>
  );
};
