import GavelIcon from '@mui/icons-material/Gavel';

import { OrphanCourtCreate } from './OrphanCourtCreate';
import { OrphanCourtEdit } from './OrphanCourtEdit';
import { OrphanCourtList } from './OrphanCourtList';
import { OrphanCourtShow } from './OrphanCourtShow';

export default {
  list: OrphanCourtList,
  show: OrphanCourtShow,
  edit: OrphanCourtEdit,
  create: OrphanCourtCreate,
  icon: GavelIcon,
  recordRepresentation: 'name',
};
