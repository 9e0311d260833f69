import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** Colours of the offer's states: ongoing, successful, ended without adoption. */
export const offerStatusColour = (
  status: string,
): 'default' | 'primary' | 'success' | 'warning' | 'error' => {
  if (status === 'court_approved' || status === 'closed') return 'success';
  if (['declined', 'expired', 'withdrawn', 'care_terminated'].includes(status)) return 'default';
  if (status === 'draft') return 'warning';
  return 'primary';
};

/** An enumeration value (an offer's or an override's status) as a coloured chip. */
export const StatusChip = ({
  enumName = 'offer_status',
  ...props
}: FieldProps & { enumName?: 'offer_status' | 'override_status' | 'deadline_status' }) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const status = record?.[props.source ?? 'status'] as string | undefined;
  if (!status) return null;
  const colour =
    enumName === 'offer_status'
      ? offerStatusColour(status)
      : status === 'approved' || status === 'done'
        ? 'success'
        : status === 'refused' || status === 'overdue'
          ? 'error'
          : status === 'pending' || status === 'open'
            ? 'warning'
            : 'default';
  return (
    <Chip
      size="small"
      color={colour}
      label={translate(`app.enums.${enumName}.${status}`, { _: status })}
      data-status={status}
    />
  );
};
