import { proposableFields } from '@adoption/model';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Link } from 'react-router-dom';
import { Button, useCanAccess, useGetIdentity, useRecordContext } from 'react-admin';

import type { ProposalResource } from './steps';

/**
 * "Propose a change" on a child's card or a sibling group, for the organisations that send
 * change requests instead of editing, and only where the role answers for some of the record's
 * fields (a sibling group: the orphan court alone). Opens the proposal with the current values.
 */
export const ProposeChangeButton = ({ resource = 'children' }: { resource?: ProposalResource }) => {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'change-requests', action: 'create' });
  if (!record || !canAccess || proposableFields(identity?.role, resource).length === 0) return null;
  return (
    // react-admin's Button is a link only with a router link as its component (as CreateButton).
    <Button
      component={Link}
      label="app.change_requests.propose"
      to={{
        pathname: '/change-requests/create',
        search: `?resource=${resource}&recordId=${record.id}`,
      }}
    >
      <EditNoteIcon />
    </Button>
  );
};
