import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';

import { AppBar } from './AppBar';
import { bannerHeight } from './EnvironmentBanner';
import { Menu } from './Menu';
import { useEnvironment } from './useEnvironment';

/**
 * react-admin's layout with an always-visible app bar. The app bar is 48 px high (56 px on phones)
 * and the environment banner adds its own height, so the content starts below both.
 */
export const Layout = ({ children }: { children: ReactNode }) => {
  const extra = bannerHeight(useEnvironment());
  return (
    <RaLayout
      appBar={AppBar}
      menu={Menu}
      appBarAlwaysOn
      sx={{
        '& .RaLayout-appFrame': { marginTop: { xs: `${56 + extra}px`, sm: `${48 + extra}px` } },
      }}
    >
      {children}
    </RaLayout>
  );
};
