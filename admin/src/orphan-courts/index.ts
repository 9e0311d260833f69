/**
 * orphan-courts/: the classifier of orphan courts (bāriņtiesas), the municipal bodies that decide
 * on a child's care and recognise adopters — list, show and form for administrators. Which court a
 * user acts for is users/; the API side is backend/src/classifiers/orphan-courts/.
 */
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
