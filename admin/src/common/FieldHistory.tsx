import { fieldKind, formatLvDateTime, inCardOrder } from '@adoption/model';
import { Box, Chip, Link, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useCreatePath, useRecordContext, useTranslate } from 'react-admin';

import { httpClient } from '../providers/http';
import { isBlank, listSummary } from './fieldDisplay';
import { FieldValue } from './FieldValue';

type Change = { old?: unknown; new?: unknown };

/** One entry of `GET /api/<resource>/:id/changes` (backend/src/history/routes.ts). */
export interface FieldChangeEntry {
  id: number;
  version: number;
  source: 'create' | 'update' | 'change_request' | 'status' | 'register';
  changeRequestId: number | null;
  changes: Record<string, Change>;
  changedByName: string;
  changedAt: string;
}

const sourceColor = {
  create: 'success',
  update: 'primary',
  change_request: 'secondary',
  status: 'warning',
  register: 'info',
} as const;

/** A changed field: old → new, a sub-list as counts with the rows behind a disclosure. */
const ChangeLine = ({
  resource,
  field,
  change,
}: {
  resource: string;
  field: string;
  change: Change;
}) => {
  const translate = useTranslate();
  const label = translate(`resources.${resource}.fields.${field}`, { _: field });
  if (fieldKind(resource, field).kind === 'list') {
    const s = listSummary(change.old, change.new);
    return (
      <Box component="li" sx={{ mb: 0.5 }}>
        <details>
          <summary>
            <Typography component="span" variant="body2">
              {translate('app.history.list_summary', { field: label, ...s })}
            </Typography>
          </summary>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, pl: 2 }}>
            <Typography variant="caption" color="text.secondary">
              {translate('app.audit.old')}
            </Typography>
            <FieldValue resource={resource} field={field} value={change.old} />
            <Typography variant="caption" color="text.secondary">
              {translate('app.audit.new')}
            </Typography>
            <FieldValue resource={resource} field={field} value={change.new} />
          </Box>
        </details>
      </Box>
    );
  }
  return (
    <Box component="li" sx={{ mb: 0.5 }}>
      <Typography component="span" variant="body2" sx={{ fontWeight: 500 }}>
        {label}:{' '}
      </Typography>
      {'old' in change && (
        <>
          <Box component="span" sx={{ color: 'text.secondary', textDecoration: 'line-through' }}>
            <FieldValue resource={resource} field={field} value={change.old} />
          </Box>
          {' → '}
        </>
      )}
      <FieldValue resource={resource} field={field} value={change.new} />
    </Box>
  );
};

const Entry = ({ resource, entry }: { resource: string; entry: FieldChangeEntry }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const fields = inCardOrder(resource, Object.entries(entry.changes));
  // A new card lists every field: the ones given, behind a disclosure.
  const given = fields.filter(([, c]) => !isBlank(c.new));
  const lines = (list: [string, Change][]) => (
    <Box component="ul" sx={{ m: 0, pl: 2, listStyle: 'none' }}>
      {list.map(([field, change]) => (
        <ChangeLine key={field} resource={resource} field={field} change={change} />
      ))}
    </Box>
  );
  return (
    <Box
      component="li"
      data-testid="history-entry"
      sx={{ position: 'relative', pl: 3, pb: 2, borderLeft: 2, borderColor: 'divider' }}
    >
      <Box
        sx={{
          position: 'absolute',
          left: -7,
          top: 4,
          width: 12,
          height: 12,
          borderRadius: '50%',
          bgcolor: `${sourceColor[entry.source]}.main`,
        }}
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 0.5 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {formatLvDateTime(entry.changedAt)}
        </Typography>
        <Typography variant="body2">{entry.changedByName}</Typography>
        <Chip
          size="small"
          variant="outlined"
          color={sourceColor[entry.source]}
          label={translate(`app.history.source.${entry.source}`)}
        />
        {entry.source === 'change_request' && entry.changeRequestId !== null && (
          <Link
            component={RouterLink}
            variant="body2"
            to={createPath({
              resource: 'change-requests',
              id: entry.changeRequestId,
              type: 'show',
            })}
          >
            {translate('app.history.change_request', { id: String(entry.changeRequestId) })}
          </Link>
        )}
        <Typography variant="caption" color="text.secondary">
          {translate('app.history.version', { version: String(entry.version) })}
        </Typography>
      </Box>
      {entry.source === 'create' ? (
        <details>
          <summary>
            <Typography component="span" variant="body2">
              {translate('app.history.created_fields', { smart_count: given.length })}
            </Typography>
          </summary>
          {lines(given)}
        </details>
      ) : (
        lines(fields)
      )}
    </Box>
  );
};

/**
 * The card's history timeline (`GET /api/<resource>/:id/changes`, newest first): when, who, how
 * (entered, edited, an accepted change request — with a link to it —, a status move) and each
 * field's old → new value; the API leaves out fields the user's role may not see. Reloaded when
 * the record's version changes.
 */
export const FieldHistory = ({
  resource,
}: {
  resource: 'children' | 'adopters';
  label?: false;
}) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [entries, setEntries] = useState<FieldChangeEntry[] | undefined>();
  const [failed, setFailed] = useState(false);
  const id = record?.id;
  const version = record?.version as number | undefined;
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    httpClient(`/api/${resource}/${String(id)}/changes`)
      .then(({ json }) => {
        if (!live) return;
        setEntries(json as FieldChangeEntry[]);
        setFailed(false);
      })
      .catch(() => live && setFailed(true));
    return () => void (live = false);
  }, [resource, id, version]);
  if (!record) return null;
  return (
    <Box data-testid="field-history" sx={{ py: 1 }}>
      {failed && (
        <Typography variant="body2" color="error">
          {translate('app.history.failed')}
        </Typography>
      )}
      {entries?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.history.empty')}
        </Typography>
      )}
      <Box component="ol" sx={{ m: 0, ml: 1, p: 0, listStyle: 'none' }}>
        {entries?.map((entry) => (
          <Entry key={entry.id} resource={resource} entry={entry} />
        ))}
      </Box>
    </Box>
  );
};
