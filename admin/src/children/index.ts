import ChildCareIcon from '@mui/icons-material/ChildCare';

import { ChildCreate } from './ChildCreate';
import { ChildEdit } from './ChildEdit';
import { ChildList } from './ChildList';
import { ChildShow } from './ChildShow';

/** The child's card (bērna kartīte). */
export default {
  list: ChildList,
  show: ChildShow,
  edit: ChildEdit,
  create: ChildCreate,
  icon: ChildCareIcon,
  recordRepresentation: (record: { id: number | string; surname?: string; givenNames?: string }) =>
    record.surname ? `${record.surname} ${record.givenNames ?? ''}`.trim() : `#${record.id}`,
};
