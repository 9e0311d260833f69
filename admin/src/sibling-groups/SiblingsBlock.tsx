import { Box, Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import {
  useCanAccess,
  useCreatePath,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { MemberList } from './MemberList';
import type { SiblingGroup } from '../types';

/**
 * "Brāļi un māsas" on the child's card: a link to the child's sibling group and its other members
 * (those the user may see). Nothing when the child is in no group or the user may not read groups.
 */
// `label={false}`: the show layout puts no label of its own over the block (it has a title).
// `withEmpty`: say so when the child is in no group (the card's own tab), instead of nothing.
export const SiblingsBlock = ({ withEmpty = false }: { label?: false; withEmpty?: boolean }) => {
  const child = useRecordContext<{ id: number; siblingGroupId?: number | null }>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const groupId = child?.siblingGroupId ?? null;
  const { canAccess } = useCanAccess({ resource: 'sibling-groups', action: 'show' });
  const { data: group } = useGetOne<SiblingGroup>(
    'sibling-groups',
    { id: groupId! },
    { enabled: groupId !== null && canAccess === true },
  );
  if (!child || !canAccess) return null;
  if (groupId === null) {
    return withEmpty ? (
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('app.sibling_groups.no_group')}
      </Typography>
    ) : null;
  }
  const others = group?.children.filter((m) => m.id !== child.id) ?? [];
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="subtitle2">{translate('app.sibling_groups.block_title')}</Typography>
      <Link
        component={RouterLink}
        to={createPath({ resource: 'sibling-groups', id: groupId, type: 'show' })}
        variant="body2"
      >
        {translate('app.sibling_groups.open_group', { id: groupId })}
      </Link>
      {group?.mayBeSeparated && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.sibling_groups.may_be_separated_note')}
        </Typography>
      )}
      {group && <MemberList members={others} />}
    </Box>
  );
};
