import { Box, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Login as RaLogin, LoginForm, useTranslate } from 'react-admin';

import { EnvironmentBanner } from './EnvironmentBanner';
import { useEnvironment } from './useEnvironment';

/** react-admin's login page, with the register's name and the environment banner on top. */
export const Login = () => {
  const translate = useTranslate();
  const environment = useEnvironment();
  return (
    <>
      <Box sx={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 2 }}>
        <EnvironmentBanner environment={environment} />
      </Box>
      <RaLogin>
        <Typography variant="h6" component="h1" align="center" sx={{ mt: 1 }}>
          {translate('app.title')}
        </Typography>
        <LoginForm />
        <Box sx={{ textAlign: 'center', pb: 2 }}>
          <MuiLink component={Link} to="/forgot-password" variant="body2">
            {translate('app.password.forgot_title')}
          </MuiLink>
        </Box>
      </RaLogin>
    </>
  );
};
