import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import { statusColour } from './status';

/** The mail's status as a coloured chip with its translated name. */
export const StatusField = (props: FieldProps) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const status = record?.status as string | undefined;
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={statusColour(status)}
      variant={status === 'queued' ? 'outlined' : 'filled'}
      label={translate(`app.outgoing_mail.statuses.${status}`, { _: status })}
      data-status={status}
    />
  );
};
