/**
 * mail-campaigns/: "notify adopters" — conditions pick waiting adopters with an e-mail address,
 * the recipients are shown before anything is sent, the letter is sent once through the outbox,
 * and the notice shows each recipient's delivery. The API is backend/src/campaigns/.
 */
import CampaignIcon from '@mui/icons-material/Campaign';

import { CampaignCreate } from './CampaignCreate';
import { CampaignList } from './CampaignList';
import { CampaignShow } from './CampaignShow';

export default {
  list: CampaignList,
  show: CampaignShow,
  create: CampaignCreate,
  icon: CampaignIcon,
  recordRepresentation: (record: { subject?: string }) => record.subject ?? '',
};
