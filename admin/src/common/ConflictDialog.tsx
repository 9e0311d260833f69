import { formatLvDateTime } from '@adoption/model';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Radio,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useEffect, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { useRecordContext, useResourceContext, useTranslate } from 'react-admin';

import { httpClient } from '../providers/http';
import { conflictFields, mergedValues, type Choice } from './conflicts';
import { useConflict } from './EditWithConflict';
import { FieldValue } from './FieldValue';

type Values = Record<string, unknown>;

interface Change {
  version: number;
  changedByName: string;
  changedAt: string;
}

/** Who saved the versions after `since` (from the field history), newest first. */
const useOtherChanges = (resource: string, id: unknown, since: number) => {
  const [changes, setChanges] = useState<Change[]>([]);
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    httpClient(`/api/${resource}/${String(id)}/changes`)
      .then(({ json }) => live && setChanges((json as Change[]).filter((c) => c.version > since)))
      .catch(() => live && setChanges([]));
    return () => void (live = false);
  }, [resource, id, since]);
  return changes;
};

interface ContentProps {
  resource: string;
  id: unknown;
  base: Values;
  current: Values;
  mine: Values;
  onCancel(): void;
  onMerge(choices: Record<string, Choice>): void;
}

/** The dialog's content for one conflict (mounted per conflict, so its choices start afresh). */
const ConflictContent = ({
  resource,
  id,
  base,
  current,
  mine,
  onCancel,
  onMerge,
}: ContentProps) => {
  const translate = useTranslate();
  const [rows] = useState(() => conflictFields(base, current, mine));
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(rows.map((r) => [r.field, r.suggested])),
  );
  const others = useOtherChanges(resource, id, Number(base.version ?? 0));
  const label = (field: string) => translate(`resources.${resource}.fields.${field}`, { _: field });
  const choose = (field: string, side: Choice) => setChoices((c) => ({ ...c, [field]: side }));
  return (
    <>
      <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <WarningAmberIcon color="warning" />
        {translate('app.conflict.title')}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('app.conflict.explanation', { version: String(current.version ?? '') })}
        </Typography>
        {others.map((c) => (
          <Typography key={c.version} variant="body2" color="text.secondary">
            {translate('app.conflict.saved_by', {
              name: c.changedByName,
              at: formatLvDateTime(c.changedAt),
              version: String(c.version),
            })}
          </Typography>
        ))}
        {rows.length === 0 ? (
          <Alert severity="info" sx={{ mt: 2 }}>
            {translate('app.conflict.nothing_to_choose')}
          </Alert>
        ) : (
          <Table size="small" sx={{ mt: 2 }} aria-label={translate('app.conflict.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.audit.field')}</TableCell>
                <TableCell>{translate('app.conflict.loaded')}</TableCell>
                <TableCell>{translate('app.conflict.theirs')}</TableCell>
                <TableCell>{translate('app.conflict.mine')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow
                  key={r.field}
                  data-testid={`conflict-${r.field}`}
                  sx={
                    r.bothChanged
                      ? { bgcolor: (t) => alpha(t.palette.warning.main, 0.08) }
                      : undefined
                  }
                >
                  <TableCell component="th" scope="row" sx={{ fontWeight: 500 }}>
                    {label(r.field)}
                    {r.bothChanged && (
                      <Typography variant="caption" color="warning.dark" sx={{ display: 'block' }}>
                        {translate('app.conflict.both_changed')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ color: 'text.secondary', verticalAlign: 'top' }}>
                    <FieldValue resource={resource} field={r.field} value={r.base} />
                  </TableCell>
                  {(['theirs', 'mine'] as const).map((side) => (
                    <TableCell
                      key={side}
                      onClick={() => choose(r.field, side)}
                      sx={{ cursor: 'pointer', verticalAlign: 'top' }}
                    >
                      <Radio
                        size="small"
                        checked={choices[r.field] === side}
                        onChange={() => choose(r.field, side)}
                        slotProps={{
                          input: {
                            'aria-label': `${label(r.field)}: ${translate(`app.conflict.${side}`)}`,
                          },
                        }}
                        sx={{ p: 0.5, mr: 0.5 }}
                      />
                      <FieldValue resource={resource} field={r.field} value={r[side]} />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => onMerge(choices)} data-testid="conflict-save">
          {translate('app.conflict.save_merged')}
        </Button>
      </DialogActions>
    </>
  );
};

/**
 * Placed in a form inside EditWithConflict: after a 409 it lists the fields the other person
 * changed since the form was loaded — as loaded, theirs, yours — and lets the user keep theirs or
 * theirs per field; "Save merged" puts the choices in the form with the current version and saves
 * again (through the form, so its checks run and errors land under the inputs). A further 409
 * (a third person) opens it again against that newer record.
 */
export const ConflictDialog = () => {
  const { current, clear } = useConflict();
  const form = useFormContext();
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const anchor = useRef<HTMLSpanElement>(null);
  // What the form's values were based on: the loaded record, then each merged-in version.
  const [merged, setMerged] = useState<Values>();
  const base = (merged ?? record ?? {}) as Values;

  const merge = (choices: Record<string, Choice>) => {
    if (!current) return;
    const values = mergedValues(form.getValues(), current, choices);
    for (const field of Object.keys(choices)) {
      form.setValue(field, values[field], { shouldDirty: true });
    }
    form.setValue('version', values.version, { shouldDirty: true });
    setMerged(current);
    clear();
    const target = anchor.current?.closest('form');
    // After the inputs have taken the values (a date input re-mounts on an outside change).
    setTimeout(() => target?.requestSubmit(), 0);
  };

  return (
    <>
      <span ref={anchor} hidden />
      <Dialog
        open={!!current}
        onClose={clear}
        maxWidth="lg"
        fullWidth
        data-testid="conflict-dialog"
      >
        {current && (
          <ConflictContent
            key={String(current.version)}
            resource={resource}
            id={record?.id}
            base={base}
            current={current}
            mine={form.getValues()}
            onCancel={clear}
            onMerge={merge}
          />
        )}
      </Dialog>
    </>
  );
};
