import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, useCanAccessResources, useSidebarState, useTranslate } from 'react-admin';

import { FairnessMenuItem } from '../dashboard';
import { StatisticsMenuItem } from '../statistics';

/**
 * A heading over a group of menu items, shown while the sidebar is open and the user can open at
 * least one of `resources` (a heading over nothing would only puzzle).
 */
const Section = ({ label, resources }: { label: string; resources: string[] }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { canAccess } = useCanAccessResources({ action: 'list', resources });
  if (!open || !canAccess || !Object.values(canAccess).some(Boolean)) return null;
  return (
    <ListSubheader
      disableSticky
      sx={{
        lineHeight: 2.5,
        mt: 1,
        bgcolor: 'transparent',
        fontSize: 12,
        textTransform: 'uppercase',
      }}
    >
      {translate(label)}
    </ListSubheader>
  );
};

/**
 * Dashboard, the register (children, adopters, sibling groups, change requests, the register
 * differences' work queue, statistics), the adoption process (offers, override requests), the
 * classifiers, then administration.
 * Each item hides itself without `<resource>:read` (statistics: `statistics:read`).
 */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <Section
      label="app.menu.register"
      resources={[
        'children',
        'adopters',
        'sibling-groups',
        'change-requests',
        'register-differences',
        'statistics',
      ]}
    />
    <RaMenu.ResourceItem name="children" />
    <RaMenu.ResourceItem name="adopters" />
    <RaMenu.ResourceItem name="sibling-groups" />
    <RaMenu.ResourceItem name="change-requests" />
    <RaMenu.ResourceItem name="register-differences" />
    <StatisticsMenuItem />
    <FairnessMenuItem />
    <Section
      label="app.menu.process"
      resources={['selections', 'offers', 'override-requests', 'mail-campaigns']}
    />
    <RaMenu.ResourceItem name="selections" />
    <RaMenu.ResourceItem name="offers" />
    <RaMenu.ResourceItem name="override-requests" />
    <RaMenu.ResourceItem name="mail-campaigns" />
    <Section
      label="app.menu.classifiers"
      resources={['territories', 'orphan-courts', 'care-providers', 'countries']}
    />
    <RaMenu.ResourceItem name="territories" />
    <RaMenu.ResourceItem name="orphan-courts" />
    <RaMenu.ResourceItem name="care-providers" />
    <RaMenu.ResourceItem name="countries" />
    <Section
      label="app.menu.administration"
      resources={['users', 'audit-events', 'outgoing-mail', 'selection-parameters', 'jobs']}
    />
    <RaMenu.ResourceItem name="users" />
    <RaMenu.ResourceItem name="audit-events" />
    <RaMenu.ResourceItem name="selection-parameters" />
    <RaMenu.ResourceItem name="outgoing-mail" />
    <RaMenu.ResourceItem name="jobs" />
  </RaMenu>
);
