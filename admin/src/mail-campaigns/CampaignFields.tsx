import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** Draft or sent, as a chip. */
export const CampaignStatusField = (props: FieldProps) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const status = record?.status as string | undefined;
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={status === 'sent' ? 'success' : 'default'}
      variant={status === 'sent' ? 'filled' : 'outlined'}
      label={translate(`app.mail_campaigns.statuses.${status}`, { _: status })}
    />
  );
};

const deliveryColour = (s: string) =>
  s === 'sent'
    ? 'success'
    : s === 'dead_lettered'
      ? 'error'
      : s === 'failed'
        ? 'warning'
        : 'default';

/** One recipient's delivery, from the outbox. */
export const DeliveryField = (props: FieldProps) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const delivery = (record?.delivery as string | null | undefined) ?? 'none';
  return (
    <Chip
      size="small"
      color={deliveryColour(delivery)}
      variant={delivery === 'queued' ? 'outlined' : 'filled'}
      label={translate(`app.mail_campaigns.delivery.${delivery}`, { _: delivery })}
      data-delivery={delivery}
    />
  );
};
