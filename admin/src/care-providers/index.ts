/**
 * care-providers/: the classifier of care providers (aprūpes iestādes) — children's care
 * institutions, social care centres, family-type homes — list, show and form for administrators.
 * The API side is backend/src/classifiers/care-providers/.
 */
import HomeWorkIcon from '@mui/icons-material/HomeWork';

import { CareProviderCreate } from './CareProviderCreate';
import { CareProviderEdit } from './CareProviderEdit';
import { CareProviderList } from './CareProviderList';
import { CareProviderShow } from './CareProviderShow';

export default {
  list: CareProviderList,
  show: CareProviderShow,
  edit: CareProviderEdit,
  create: CareProviderCreate,
  icon: HomeWorkIcon,
  recordRepresentation: 'name',
};
