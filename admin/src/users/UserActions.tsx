import LockOpenIcon from '@mui/icons-material/LockOpen';
import LogoutIcon from '@mui/icons-material/Logout';
import MailIcon from '@mui/icons-material/MailOutlined';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import {
  Button,
  EditButton,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';

import { httpClient } from '../providers/http';

const actions = [
  {
    path: 'reset-password',
    label: 'app.users.send_reset_link',
    done: 'app.users.reset_link_sent',
    icon: <MailIcon />,
  },
  { path: 'unlock', label: 'app.users.unlock', done: 'app.users.unlocked', icon: <LockOpenIcon /> },
  {
    path: 'revoke-sessions',
    label: 'app.users.revoke_sessions',
    done: 'app.users.sessions_revoked',
    icon: <LogoutIcon />,
  },
  {
    path: 'reset-mfa',
    label: 'app.users.reset_mfa',
    done: 'app.users.mfa_reset',
    icon: <PhonelinkEraseIcon />,
  },
];

/** Administrator's actions on an account, each one API call. */
export const UserActions = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  const run = async (path: string, done: string) => {
    try {
      await httpClient(`/api/users/${record.id}/${path}`, { method: 'POST' });
      notify(done, { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <TopToolbar>
      {actions.map((a) => (
        <Button key={a.path} label={a.label} onClick={() => void run(a.path, a.done)}>
          {a.icon}
        </Button>
      ))}
      <EditButton />
    </TopToolbar>
  );
};
