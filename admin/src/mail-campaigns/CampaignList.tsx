import { Datagrid, List, NumberField, SelectInput, TextField } from 'react-admin';
import { campaignStatuses } from '@adoption/model';

import { LvDateField } from '../common/LvDateField';
import { CampaignStatusField } from './CampaignFields';

const statusChoices = campaignStatuses.map((id) => ({
  id,
  name: `app.mail_campaigns.statuses.${id}`,
}));
const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />];

/** Paziņojumi adoptētājiem: newest first. */
export const CampaignList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <TextField source="id" />
      <TextField source="subject" />
      <CampaignStatusField source="status" />
      <NumberField source="recipientCount" sortable={false} />
      <LvDateField source="createdAt" showTime />
      <LvDateField source="sentAt" showTime emptyText="—" />
    </Datagrid>
  </List>
);
