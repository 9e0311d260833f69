/**
 * auth/: the pages reached without signing in — set a password from a one-time link, forgotten
 * password — and their frame (this file). The sign-in page is layout/Login.tsx; tokens and the
 * session are providers/.
 */
import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

import { EnvironmentBanner } from '../layout/EnvironmentBanner';
import { useEnvironment } from '../layout/useEnvironment';

/** Frame of the pages reached without signing in (set a password, forgotten password). */
export const PublicPage = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  const environment = useEnvironment();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'grey.100' }}>
      <EnvironmentBanner environment={environment} />
      <Box sx={{ display: 'flex', justifyContent: 'center', pt: 8 }}>
        <Card sx={{ width: 420 }}>
          <CardContent>
            <Typography variant="overline">{translate('app.title')}</Typography>
            <Typography variant="h6" component="h1" gutterBottom>
              {translate(title)}
            </Typography>
            {children}
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
};
