import PublicIcon from '@mui/icons-material/Public';

import { CountryCreate } from './CountryCreate';
import { CountryEdit } from './CountryEdit';
import { CountryList } from './CountryList';
import { CountryShow } from './CountryShow';

export default {
  list: CountryList,
  show: CountryShow,
  edit: CountryEdit,
  create: CountryCreate,
  icon: PublicIcon,
  recordRepresentation: 'nameLv',
};
