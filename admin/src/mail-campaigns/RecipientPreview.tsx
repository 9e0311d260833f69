import PeopleIcon from '@mui/icons-material/People';
import {
  Alert,
  Box,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { formatLvDate } from '@adoption/model';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Button, useNotify, useTranslate } from 'react-admin';

import { httpClient } from '../providers/http';
import { cleanCriteria } from './criteria';

interface Recipient {
  adopterId: number;
  name: string;
  email: string;
  enteredOn: string;
}

/** "Parādīt adresātus": who the conditions pick now (contacts only), before the draft is kept. */
export const RecipientPreview = () => {
  const criteria = useWatch({ name: 'criteria' }) as Record<string, unknown> | undefined;
  const translate = useTranslate();
  const notify = useNotify();
  const [recipients, setRecipients] = useState<Recipient[] | undefined>();
  const [busy, setBusy] = useState(false);
  const show = async () => {
    setBusy(true);
    try {
      const { json } = await httpClient('/api/mail-campaigns/preview', {
        method: 'POST',
        body: JSON.stringify({ criteria: cleanCriteria(criteria) }),
      });
      setRecipients((json as { recipients: Recipient[] }).recipients);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ width: '100%', mb: 2 }} data-testid="recipient-preview">
      <Button label="app.mail_campaigns.preview" onClick={() => void show()} disabled={busy}>
        <PeopleIcon />
      </Button>
      {recipients &&
        (recipients.length === 0 ? (
          <Alert severity="info" sx={{ mt: 1 }}>
            {translate('app.mail_campaigns.preview_none')}
          </Alert>
        ) : (
          <>
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('app.mail_campaigns.preview_count', { smart_count: recipients.length })}
            </Typography>
            <Table size="small" sx={{ maxWidth: 800 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.mail-campaigns.fields.name')}</TableCell>
                  <TableCell>{translate('resources.mail-campaigns.fields.email')}</TableCell>
                  <TableCell>{translate('resources.mail-campaigns.fields.enteredOn')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {recipients.map((r) => (
                  <TableRow key={r.adopterId}>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{r.email}</TableCell>
                    <TableCell>{formatLvDate(r.enteredOn)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ))}
    </Box>
  );
};
