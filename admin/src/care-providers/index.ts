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
