import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

import type { EnvironmentInfo } from '../providers/environment';
import { bannerSpec, shortCommit } from './banner';

export { bannerHeight } from './banner';

export const useVersionText = (environment: EnvironmentInfo | undefined): string => {
  const translate = useTranslate();
  if (!environment?.version) return '';
  return translate('app.environment.version', {
    version: environment.version,
    commit: shortCommit(environment.commit) || '—',
  });
};

/**
 * The environment and the deployed build above the app bar (looks: banner.ts). TEST: a tall
 * striped orange-red bar with warning signs; DEV and PROD: a thin strip of their own colour.
 * `data-environment` keeps the environment readable for browser and smoke tests.
 */
export const EnvironmentBanner = ({
  environment,
}: {
  environment: EnvironmentInfo | undefined;
}) => {
  const translate = useTranslate();
  const version = useVersionText(environment);
  const spec = bannerSpec(environment);
  if (!environment || !spec) return null;
  const test = environment.name === 'test';
  const warning = test ? <WarningAmberIcon fontSize="small" /> : null;

  return (
    <Box
      data-testid="environment-banner"
      data-environment={environment.name}
      data-version={spec.version}
      data-commit={spec.fullCommit}
      role="status"
      title={spec.fullCommit ? `${spec.version} · git ${spec.fullCommit}` : undefined}
      sx={{
        height: spec.height,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        gap: test ? 1.5 : 1,
        px: 2,
        color: '#fff',
        backgroundColor: spec.background,
        backgroundImage: spec.striped
          ? 'repeating-linear-gradient(-45deg, transparent 0 14px, rgba(0,0,0,0.14) 14px 28px)'
          : undefined,
        borderBottom: test ? '3px solid #ffab00' : undefined,
        boxSizing: 'border-box',
        fontWeight: 700,
        fontSize: test ? 16 : 12,
        letterSpacing: test ? '0.06em' : '0.08em',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      {warning}
      <span>{translate(spec.labelKey)}</span>
      {version && (
        <Box
          component="span"
          data-testid="environment-version"
          sx={{
            fontWeight: 400,
            fontSize: test ? 13 : 12,
            letterSpacing: 0,
            opacity: 0.9,
          }}
        >
          {version}
        </Box>
      )}
      {warning}
    </Box>
  );
};
