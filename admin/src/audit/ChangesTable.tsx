import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

type Change = { old?: unknown; new?: unknown };

/** One value of a change as a person reads it: "—" for none, "***" noted as hidden. */
const useShowValue = () => {
  const translate = useTranslate();
  return (value: unknown, present: boolean): string => {
    if (!present) return '';
    if (value === null || value === undefined || value === '') return '—';
    if (value === '***') return `*** (${translate('app.audit.masked')})`;
    if (typeof value === 'boolean') return translate(`ra.boolean.${String(value)}`);
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
};

/** The `changes` of an audit event as a table: field, old value, new value. */
export const ChangesTable = () => {
  const record = useRecordContext<{ resource: string; changes: Record<string, Change> | null }>();
  const translate = useTranslate();
  const show = useShowValue();
  const changes = Object.entries(record?.changes ?? {});
  if (!record) return null;
  if (changes.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.audit.no_changes')}
      </Typography>
    );
  return (
    <Table size="small" aria-label={translate('resources.audit-events.fields.changes')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.audit.field')}</TableCell>
          <TableCell>{translate('app.audit.old')}</TableCell>
          <TableCell>{translate('app.audit.new')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map(([field, change]) => (
          <TableRow key={field}>
            <TableCell component="th" scope="row">
              {translate(`resources.${record.resource}.fields.${field}`, { _: field })}
            </TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>
              {show(change.old, 'old' in change)}
            </TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>
              {show(change.new, 'new' in change)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The names of the changed fields, for list rows. */
export const ChangedFieldsField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ resource: string; changes: Record<string, Change> | null }>();
  const translate = useTranslate();
  if (!record?.changes) return null;
  return (
    <Typography component="span" variant="body2">
      {Object.keys(record.changes)
        .map((f) => translate(`resources.${record.resource}.fields.${f}`, { _: f }))
        .join(', ')}
    </Typography>
  );
};
