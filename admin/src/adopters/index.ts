import FamilyRestroomIcon from '@mui/icons-material/FamilyRestroom';

import { AdopterCreate } from './AdopterCreate';
import { AdopterEdit } from './AdopterEdit';
import { AdopterList } from './AdopterList';
import { AdopterShow } from './AdopterShow';

/** Adopters (adoptētāji): persons an orphan court has recognised, in the order of the queue. */
export default {
  list: AdopterList,
  show: AdopterShow,
  edit: AdopterEdit,
  create: AdopterCreate,
  icon: FamilyRestroomIcon,
  recordRepresentation: (record: { id: number | string; surname?: string; givenNames?: string }) =>
    record.surname ? `${record.surname} ${record.givenNames ?? ''}`.trim() : `#${record.id}`,
};
