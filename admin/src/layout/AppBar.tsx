import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import { Box, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  UserMenu,
  useLogout,
  useNotify,
  useTranslate,
  useUserMenu,
  type AppBarProps,
} from 'react-admin';

import type { EnvironmentInfo } from '../providers/environment';
import { httpClient } from '../providers/http';
import { EnvironmentBanner, useVersionText } from './EnvironmentBanner';
import { RecoveryCodesMenuItem } from './RecoveryCodesMenuItem';
import { Shortcuts } from './Shortcuts';
import { useEnvironment } from './useEnvironment';

/** Version and environment, quietly, in the user menu (the only place it shows in production). */
const VersionMenuItem = ({ environment }: { environment: EnvironmentInfo | undefined }) => {
  const translate = useTranslate();
  const version = useVersionText(environment);
  if (!environment) return null;
  return (
    <MenuItem disabled dense data-testid="version-menu-item">
      <ListItemIcon>
        <InfoOutlinedIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText
        primary={version || environment.name}
        secondary={translate(`app.environment.${environment.name}`)}
      />
    </MenuItem>
  );
};

/** Ends every session of the user (other browsers and devices too), then this one. */
const LogoutAllMenuItem = () => {
  const translate = useTranslate();
  const logout = useLogout();
  const notify = useNotify();
  const userMenu = useUserMenu();
  const onClick = async () => {
    userMenu?.onClose();
    try {
      await httpClient('/api/auth/logout-all', { method: 'POST' });
    } catch {
      notify('app.session.logout_all_failed', { type: 'error' });
      return;
    }
    await logout();
  };
  return (
    <MenuItem onClick={() => void onClick()} data-testid="logout-all-menu-item">
      <ListItemIcon>
        <PhonelinkEraseIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.session.logout_all')}</ListItemText>
    </MenuItem>
  );
};

const AppUserMenu = ({ environment }: { environment: EnvironmentInfo | undefined }) => (
  <UserMenu>
    <VersionMenuItem environment={environment} />
    <RecoveryCodesMenuItem />
    <LogoutAllMenuItem />
    <Logout />
  </UserMenu>
);

const AppToolbar = () => (
  <>
    <Shortcuts />
    <LocalesMenuButton />
    <LoadingIndicator />
  </>
);

/**
 * react-admin's AppBar under the environment banner; both stay fixed at the top (the layout
 * shifts its content by the banner's height, see Layout.tsx).
 */
export const AppBar = (props: AppBarProps) => {
  const translate = useTranslate();
  const environment = useEnvironment();
  return (
    <Box
      sx={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: (theme) => theme.zIndex.appBar }}
    >
      <EnvironmentBanner environment={environment} />
      <RaAppBar
        {...props}
        alwaysOn
        position="static"
        elevation={1}
        toolbar={<AppToolbar />}
        userMenu={<AppUserMenu environment={environment} />}
      >
        <Typography
          variant="h6"
          component="span"
          sx={{
            display: { xs: 'none', md: 'block' },
            fontWeight: 600,
            whiteSpace: 'nowrap',
            mr: 2,
            pr: 2,
            borderRight: '1px solid rgba(255,255,255,0.35)',
          }}
        >
          {translate('app.title')}
        </Typography>
        <TitlePortal />
      </RaAppBar>
    </Box>
  );
};
