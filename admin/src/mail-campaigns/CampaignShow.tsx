import { Typography } from '@mui/material';
import {
  ArrayField,
  Datagrid,
  EmailField,
  Labeled,
  ListButton,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { adopterOriginChoices, sexChoices } from '../choices';
import { LvDateField } from '../common/LvDateField';
import { CampaignStatusField, DeliveryField } from './CampaignFields';
import { SendCampaignButton } from './SendCampaignButton';

const Actions = () => (
  <TopToolbar>
    <SendCampaignButton />
    <ListButton />
  </TopToolbar>
);

const Recipients = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (record.status === 'draft') {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.mail_campaigns.no_recipients_yet')}
      </Typography>
    );
  }
  return (
    <ArrayField source="recipients">
      <Datagrid bulkActionButtons={false} rowClick={false} size="small">
        <TextField source="name" label="resources.mail-campaigns.fields.name" />
        <EmailField source="email" label="resources.mail-campaigns.fields.email" />
        <DeliveryField source="delivery" label="resources.mail-campaigns.fields.delivery" />
        <LvDateField
          source="deliveredAt"
          showTime
          emptyText="—"
          label="resources.mail-campaigns.fields.deliveredAt"
        />
      </Datagrid>
    </ArrayField>
  );
};

/** One notice: its conditions, the letter, and (once sent) each recipient's delivery. */
export const CampaignShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <NumberField source="id" />
      <CampaignStatusField source="status" />
      <SelectField source="criteria.origin" choices={adopterOriginChoices} emptyText="—" />
      <NumberField source="criteria.waitingMoreThanMonths" emptyText="—" />
      <NumberField source="criteria.fitsGroupOfSize" emptyText="—" />
      <NumberField source="criteria.fitsAge" emptyText="—" />
      <SelectField source="criteria.fitsSex" choices={sexChoices} emptyText="—" />
      <TextField source="subject" />
      <TextField source="body" sx={{ whiteSpace: 'pre-line' }} />
      <NumberField source="recipientCount" />
      <LvDateField source="createdAt" showTime />
      <LvDateField source="sentAt" showTime emptyText="—" />
      <Labeled label="app.mail_campaigns.recipients" fullWidth>
        <Recipients />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
