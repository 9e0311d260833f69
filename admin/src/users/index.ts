/**
 * users/: user accounts for administrators — list, show, form and actions (set-password link,
 * unlock, sign out everywhere, reset the second factor). Signing in is layout/Login.tsx; what a
 * role may open is providers/canAccess.ts.
 */
import PeopleIcon from '@mui/icons-material/People';

import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

export default {
  list: UserList,
  show: UserShow,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: 'displayName',
};
