import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, useSidebarState, useTranslate } from 'react-admin';

/** Dashboard, then the classifiers (each item hides itself without `<resource>:read`). */
export const Menu = () => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {open && (
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
          {translate('app.menu.classifiers')}
        </ListSubheader>
      )}
      <RaMenu.ResourceItem name="territories" />
      <RaMenu.ResourceItem name="orphan-courts" />
      <RaMenu.ResourceItem name="care-providers" />
      <RaMenu.ResourceItem name="countries" />
    </RaMenu>
  );
};
