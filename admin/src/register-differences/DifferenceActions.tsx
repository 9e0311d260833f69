import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import {
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { Button, useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

import { usePostMove } from '../common/moveForm';
import { cardPath, fieldLabel, itemActions, valueShown, type DifferenceItem } from './differences';

const base = '/api/register-differences';
const CONFLICT = 'app.register_differences.conflict';

/** Buttons in a list row must not open the row as well. */
const quiet = (action: () => void) => (e: MouseEvent) => {
  e.stopPropagation();
  action();
};

/**
 * An item's actions, in a row of the queue and on its page: "Piešķirt man" / "Atsaukt piešķīrumu",
 * "Atrisināt" (a reason, kept as the field's register note) and "Atvērt kartīti". A 409 (somebody
 * changed or resolved the item meanwhile) says so plainly and reloads.
 */
export const DifferenceActions = ({ compact = false }: { compact?: boolean }) => {
  const item = useRecordContext<DifferenceItem & { id: number }>();
  const translate = useTranslate();
  const navigate = useNavigate();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'register-differences', action: 'write' });
  const { saving, post } = usePostMove();
  const [resolving, setResolving] = useState(false);
  if (!item) return null;
  const can = itemActions(item, identity?.id);
  const assign = (userId: number | null, done: string) =>
    void post(
      `${base}/${item.id}/assign`,
      { userId, version: item.version },
      done,
      () => undefined,
      { conflict: CONFLICT },
    );
  return (
    <Box
      sx={{
        display: 'flex',
        flexWrap: compact ? 'wrap' : 'nowrap',
        maxWidth: compact ? 300 : undefined,
        columnGap: 0.5,
      }}
      data-testid={`difference-actions-${item.id}`}
    >
      {canAccess && can.assign && (
        <Button
          label="app.register_differences.assign_me"
          disabled={saving}
          onClick={quiet(() => assign(Number(identity?.id), 'app.register_differences.assigned'))}
        >
          <AssignmentIndIcon />
        </Button>
      )}
      {canAccess && can.unassign && (
        <Button
          label="app.register_differences.unassign"
          disabled={saving}
          onClick={quiet(() => assign(null, 'app.register_differences.unassigned_done'))}
        >
          <AssignmentReturnIcon />
        </Button>
      )}
      {canAccess && can.resolve && (
        <Button
          label="app.register_differences.resolve"
          disabled={saving}
          onClick={quiet(() => setResolving(true))}
        >
          <TaskAltIcon />
        </Button>
      )}
      <Button
        label="app.register_differences.open_card"
        onClick={quiet(() => navigate(cardPath(item)))}
      >
        <OpenInNewIcon />
      </Button>
      {resolving && (
        <ResolveDialog
          item={item}
          onClose={() => setResolving(false)}
          label={fieldLabel(item, translate)}
        />
      )}
    </Box>
  );
};

/** "Atrisināt": why ours stays as it is (required); the API's field errors under the input. */
const ResolveDialog = ({
  item,
  label,
  onClose,
}: {
  item: DifferenceItem;
  label: string;
  onClose(): void;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const { saving, helper, post } = usePostMove();
  const save = () =>
    void post(
      `${base}/${item.id}/resolve`,
      { reason, version: item.version },
      'app.register_differences.resolved',
      onClose,
      { conflict: CONFLICT, onConflict: onClose },
    );
  return (
    <Dialog
      open
      onClose={onClose}
      onClick={(e) => e.stopPropagation()}
      fullWidth
      maxWidth="sm"
      data-testid="resolve-dialog"
    >
      <DialogTitle>{translate('app.register_differences.resolve_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {translate('app.register_differences.resolve_intro', {
            name: item.recordName ?? `#${item.recordId}`,
            field: label,
            ours: valueShown(item, 'ours', translate),
            theirs: valueShown(item, 'theirs', translate),
          })}
        </DialogContentText>
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={3}
          required
          label={translate('app.register_differences.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          slotProps={{ htmlInput: { name: 'reason', maxLength: 2000 } }}
          error={!!helper('reason')}
          helperText={helper('reason') ?? translate('app.register_differences.reason_help')}
        />
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton variant="contained" disabled={saving || !reason.trim()} onClick={save}>
          {translate('app.register_differences.resolve')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};
