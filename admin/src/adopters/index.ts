/**
 * adopters/: the console's screens of adopters (adoptētāji), persons an orphan court has
 * recognised, in the order of the queue — list, record sheet, form and what the form sends
 * (transform.ts). The layout shared with the child's card is people/, small fields and inputs
 * common/; the rules are the API's (backend/src/adopters/).
 */
import FamilyRestroomIcon from '@mui/icons-material/FamilyRestroom';

import { AdopterCreate } from './AdopterCreate';
import { AdopterEdit } from './AdopterEdit';
import { AdopterList } from './AdopterList';
import { AdopterShow } from './AdopterShow';

export default {
  list: AdopterList,
  show: AdopterShow,
  edit: AdopterEdit,
  create: AdopterCreate,
  icon: FamilyRestroomIcon,
  recordRepresentation: (record: { id: number | string; surname?: string; givenNames?: string }) =>
    record.surname ? `${record.surname} ${record.givenNames ?? ''}`.trim() : `#${record.id}`,
};
