import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

import type { EnvironmentInfo } from '../providers/environment';

/** Height in px the banner adds above the app bar. */
export const bannerHeight = (environment: EnvironmentInfo | undefined): number =>
  environment?.name === 'test' ? 36 : environment?.name === 'dev' ? 22 : 0;

export const useVersionText = (environment: EnvironmentInfo | undefined): string => {
  const translate = useTranslate();
  if (!environment?.version) return '';
  return translate('app.environment.version', {
    version: environment.version,
    commit: environment.commit || '—',
  });
};

/**
 * TEST: a full-width orange-red bar nobody can miss. DEV: a thin violet strip.
 * PROD: nothing visible (the version is in the user menu); an empty hidden marker keeps the
 * environment readable for browser tests.
 */
export const EnvironmentBanner = ({
  environment,
}: {
  environment: EnvironmentInfo | undefined;
}) => {
  const translate = useTranslate();
  const version = useVersionText(environment);
  if (!environment) return null;
  const marker = { 'data-testid': 'environment-banner', 'data-environment': environment.name };

  if (environment.name === 'prod') return <Box {...marker} hidden aria-hidden />;

  if (environment.name === 'test') {
    return (
      <Box
        {...marker}
        role="status"
        sx={{
          height: bannerHeight(environment),
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          gap: 1.5,
          px: 2,
          color: '#fff',
          backgroundColor: '#bf360c',
          backgroundImage:
            'repeating-linear-gradient(-45deg, transparent 0 14px, rgba(0,0,0,0.14) 14px 28px)',
          borderBottom: '3px solid #ffab00',
          boxSizing: 'border-box',
          fontWeight: 700,
          fontSize: 16,
          letterSpacing: '0.06em',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
        }}
      >
        <WarningAmberIcon fontSize="small" />
        <span>{translate('app.environment.test')}</span>
        {version && (
          <Box
            component="span"
            sx={{ fontWeight: 400, fontSize: 13, letterSpacing: 0, opacity: 0.9 }}
          >
            {version}
          </Box>
        )}
        <WarningAmberIcon fontSize="small" />
      </Box>
    );
  }

  return (
    <Box
      {...marker}
      role="status"
      sx={{
        height: bannerHeight(environment),
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 1,
        px: 2,
        color: '#fff',
        backgroundColor: '#5e35b1',
        fontSize: 12,
        fontWeight: 700,
        letterSpacing: '0.08em',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      <span>{translate('app.environment.dev')}</span>
      {version && (
        <Box component="span" sx={{ fontWeight: 400, letterSpacing: 0, opacity: 0.85 }}>
          {version}
        </Box>
      )}
    </Box>
  );
};
