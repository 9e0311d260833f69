import SendIcon from '@mui/icons-material/Send';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';

import { httpClient } from '../providers/http';

/** "Nosūtīt" on a draft, after a confirmation: recipients are computed again by the API. */
export const SendCampaignButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'mail-campaigns', action: 'write' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess || record.status !== 'draft') return null;
  const send = async () => {
    setBusy(true);
    try {
      const { json } = await httpClient(`/api/mail-campaigns/${record.id}/send`, {
        method: 'POST',
      });
      notify('app.mail_campaigns.sent', {
        type: 'success',
        messageArgs: { smart_count: (json as { recipientCount: number }).recipientCount },
      });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button
        label="app.mail_campaigns.send"
        onClick={() => setOpen(true)}
        disabled={busy}
        variant="contained"
      >
        <SendIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="app.mail_campaigns.send_confirm_title"
        content="app.mail_campaigns.send_confirm"
        onConfirm={() => void send()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
