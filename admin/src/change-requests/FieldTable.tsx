import {
  Checkbox,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';

import { FieldValue } from '../common/FieldValue';
import { isBlank } from '../common/fieldDisplay';

export interface FieldTableProps {
  resource: string;
  kind: 'create' | 'update';
  fields: string[];
  proposed: Record<string, unknown>;
  valuesAtProposal: Record<string, unknown> | null;
  current: Record<string, unknown> | null;
  changedSinceProposal: string[];
  acceptedFields: string[] | null;
  /** Checkboxes (a specialist deciding a pending update); undefined: no checkboxes. */
  selected?: Set<string>;
  onToggle?(field: string): void;
}

/**
 * The request field by field: the field's name on the card, the value when proposed and now (an
 * update), the proposed value, and the specialist's checkbox. A field the register changed since
 * the proposal is marked; a decided request marks what was accepted.
 */
export const FieldTable = (props: FieldTableProps) => {
  const translate = useTranslate();
  const { resource, kind, fields, proposed, current, selected } = props;
  const update = kind === 'update';
  const label = (f: string) => translate(`resources.${resource}.fields.${f}`, { _: f });
  const t = (key: string) => translate(`app.change_requests.table.${key}`);
  return (
    <Table
      size="small"
      data-testid="change-request-fields"
      sx={{ '& td': { verticalAlign: 'top' } }}
    >
      <TableHead>
        <TableRow>
          {selected && <TableCell padding="checkbox">{t('accept')}</TableCell>}
          <TableCell>{t('field')}</TableCell>
          {update && <TableCell>{t('current')}</TableCell>}
          <TableCell>{t('proposed')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {/* A new record lists the fields it fills in; an update every proposed one. */}
        {fields
          .filter((f) => update || !isBlank(proposed[f]))
          .map((f) => {
            const changed = props.changedSinceProposal.includes(f);
            const accepted = props.acceptedFields?.includes(f);
            return (
              <TableRow key={f} data-field={f} selected={selected?.has(f)}>
                {selected && (
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selected.has(f)}
                      onChange={() => props.onToggle?.(f)}
                      slotProps={{ input: { 'aria-label': label(f) } }}
                    />
                  </TableCell>
                )}
                <TableCell sx={{ fontWeight: 500, width: 240 }}>
                  {label(f)}
                  {changed && (
                    <Chip
                      size="small"
                      color="warning"
                      label={t('changed')}
                      sx={{ ml: 1 }}
                      title={t('changed_help')}
                    />
                  )}
                  {accepted !== undefined && props.acceptedFields && (
                    <Typography
                      variant="caption"
                      color={accepted ? 'success.main' : 'text.secondary'}
                      sx={{ display: 'block' }}
                    >
                      {t(accepted ? 'was_accepted' : 'not_accepted')}
                    </Typography>
                  )}
                </TableCell>
                {update && (
                  <TableCell>
                    {current ? (
                      <FieldValue resource={resource} field={f} value={current[f]} />
                    ) : (
                      '—'
                    )}
                    {changed && props.valuesAtProposal && (
                      <Typography variant="caption" color="text.secondary" component="div">
                        {t('at_proposal')}:{' '}
                        <FieldValue
                          resource={resource}
                          field={f}
                          value={props.valuesAtProposal[f]}
                        />
                      </Typography>
                    )}
                  </TableCell>
                )}
                <TableCell>
                  <FieldValue resource={resource} field={f} value={proposed[f]} />
                </TableCell>
              </TableRow>
            );
          })}
      </TableBody>
    </Table>
  );
};
