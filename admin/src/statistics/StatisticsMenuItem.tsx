import BarChartIcon from '@mui/icons-material/BarChart';
import { Menu, useCanAccess } from 'react-admin';

/** "Statistika" in the menu, for users holding `statistics:read`. */
export const StatisticsMenuItem = () => {
  const { canAccess } = useCanAccess({ resource: 'statistics', action: 'read' });
  if (!canAccess) return null;
  return (
    <Menu.Item to="/statistics" primaryText="app.menu.statistics" leftIcon={<BarChartIcon />} />
  );
};
