import { Chip, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import { cardPath, fieldLabel, valueShown, type DifferenceItem } from './differences';

/* The queue's cells (list and item page): each reads the item from the record context. */

const useItem = (props: FieldProps) =>
  useRecordContext(props) as (DifferenceItem & { id: number }) | undefined;

/** The record's name linked to its card, and whose card it is (a child's, an adopter's). */
export const RecordField = (props: FieldProps) => {
  const item = useItem(props);
  const translate = useTranslate();
  if (!item) return null;
  return (
    <>
      <Link
        to={cardPath(item)}
        sx={{ whiteSpace: 'nowrap' }}
        onClick={(e: MouseEvent) => e.stopPropagation()}
        data-testid={`difference-record-${item.id}`}
      >
        {item.recordName ?? `#${item.recordId}`}
      </Link>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {translate(`app.register_differences.resources.${item.resource}`)}
      </Typography>
    </>
  );
};

/** A value of one of the model's enumerations in words (`app.enums.<name>.<value>`). */
export const EnumField = ({ name, ...props }: FieldProps & { name: string }) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const value = props.source ? (record?.[props.source] as string | null | undefined) : undefined;
  return (
    <Typography component="span" variant="body2">
      {value ? translate(`app.enums.${name}.${value}`, { _: value }) : '—'}
    </Typography>
  );
};

/** The compared field by the card's label. */
export const FieldNameField = (props: FieldProps) => {
  const item = useItem(props);
  const translate = useTranslate();
  if (!item) return null;
  return (
    <Typography component="span" variant="body2">
      {fieldLabel(item, translate)}
    </Typography>
  );
};

/** Ours or the register's value as the card shows it; long addresses wrap. */
export const ValueField = ({ which, ...props }: FieldProps & { which: 'ours' | 'theirs' }) => {
  const item = useItem(props);
  const translate = useTranslate();
  if (!item) return null;
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{ display: 'block', maxWidth: 280, overflowWrap: 'anywhere' }}
      color={item.withheld ? 'text.secondary' : undefined}
    >
      {valueShown(item, which, translate)}
    </Typography>
  );
};

const stateColour: Record<string, 'warning' | 'error' | 'default'> = {
  different: 'warning',
  missing_ours: 'warning',
  missing_theirs: 'default',
  not_found: 'error',
};

/** How ours and the register's compare, as the card's check colours it. */
export const StateField = (props: FieldProps) => {
  const item = useItem(props) as (DifferenceItem & { state?: string }) | undefined;
  const translate = useTranslate();
  if (!item?.state) return null;
  return (
    <Chip
      size="small"
      color={stateColour[item.state] ?? 'default'}
      label={translate(`app.enums.register_difference_state.${item.state}`, { _: item.state })}
    />
  );
};

/** Open or resolved, and how. */
export const StatusField = (props: FieldProps) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  if (!record) return null;
  const status = String(record.status);
  const label =
    status === 'resolved' && record.resolution
      ? `${translate(`app.enums.register_difference_status.${status}`)}: ${translate(
          `app.enums.register_difference_resolution.${String(record.resolution)}`,
        )}`
      : translate(`app.enums.register_difference_status.${status}`, { _: status });
  return (
    <Chip
      size="small"
      color={status === 'open' ? 'warning' : 'success'}
      variant={status === 'open' ? 'outlined' : 'filled'}
      label={label}
    />
  );
};
