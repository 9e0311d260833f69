import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, useSidebarState, useTranslate } from 'react-admin';

/** A heading over a group of menu items, shown while the sidebar is open. */
const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  if (!open) return null;
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

/** Dashboard, the classifiers, then administration (each item hides itself without `<resource>:read`). */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <Section label="app.menu.classifiers" />
    <RaMenu.ResourceItem name="territories" />
    <RaMenu.ResourceItem name="orphan-courts" />
    <RaMenu.ResourceItem name="care-providers" />
    <RaMenu.ResourceItem name="countries" />
    <Section label="app.menu.administration" />
    <RaMenu.ResourceItem name="users" />
    <RaMenu.ResourceItem name="audit-events" />
  </RaMenu>
);
