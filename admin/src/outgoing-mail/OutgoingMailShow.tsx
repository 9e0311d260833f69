import {
  Labeled,
  ListButton,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';

import { languageChoices, outgoingMailTemplateChoices } from '../choices';
import { LvDateField } from '../common/LvDateField';
import { RenderedMail } from './RenderedMail';
import { RetryButton } from './RetryButton';
import { StatusField } from './StatusField';

const Actions = () => (
  <TopToolbar>
    <RetryButton />
    <ListButton />
  </TopToolbar>
);

/** One mail: its delivery history, then the letter as it reads. */
export const OutgoingMailShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <NumberField source="id" />
      <TextField source="recipient" />
      <SelectField source="template" choices={outgoingMailTemplateChoices} />
      <SelectField source="language" choices={languageChoices} translateChoice={false} />
      <StatusField source="status" />
      <NumberField source="attempts" />
      <LvDateField source="createdAt" showTime />
      <LvDateField source="lastAttemptAt" showTime emptyText="—" />
      <LvDateField source="publishedAt" showTime emptyText="—" />
      <LvDateField source="sentAt" showTime emptyText="—" />
      <LvDateField source="nextAttemptAt" showTime emptyText="—" />
      <TextField source="lastError" emptyText="—" />
      <Labeled label="app.outgoing_mail.rendered" fullWidth>
        <RenderedMail />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
