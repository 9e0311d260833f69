import { formatLvDate } from '@adoption/model';
import { Link, List, ListItem, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useCreatePath, useTranslate } from 'react-admin';

import type { SiblingGroupMember } from '../types';
import { memberName } from './members';

/** The members as links to their cards (only those the user may see: the API leaves out others). */
export const MemberList = ({ members }: { members: SiblingGroupMember[] }) => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (members.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.sibling_groups.no_members')}
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {members.map((m) => (
        <ListItem key={m.id} disableGutters sx={{ gap: 1 }}>
          <Link
            component={RouterLink}
            to={createPath({ resource: 'children', id: m.id, type: 'show' })}
          >
            {memberName(m)}
          </Link>
          {m.birthDate && (
            <Typography variant="body2" color="text.secondary">
              {formatLvDate(m.birthDate)}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary">
            {translate(`app.enums.child_status.${m.status}`)}
          </Typography>
        </ListItem>
      ))}
    </List>
  );
};
