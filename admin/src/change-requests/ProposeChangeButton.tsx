import EditNoteIcon from '@mui/icons-material/EditNote';
import { Button, useCanAccess, useRecordContext } from 'react-admin';

/**
 * "Propose a change" on a child's card, for care institutions and orphan courts (who send
 * change requests instead of editing): opens the proposal with this child's current values.
 */
export const ProposeChangeButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'change-requests', action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <Button
      label="app.change_requests.propose"
      to={{
        pathname: '/change-requests/create',
        search: `?resource=children&recordId=${record.id}`,
      }}
    >
      <EditNoteIcon />
    </Button>
  );
};
