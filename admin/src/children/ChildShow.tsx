import { childGroups } from '@adoption/model';
import { Box } from '@mui/material';
import {
  EditButton,
  Show,
  SimpleShowLayout,
  TabbedShowLayout,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';

import { RecordHistory } from '../audit';
import { ProposeChangeButton } from '../change-requests/ProposeChangeButton';
import { cardTabsSx } from '../common/cardForm';
import { FieldHistory } from '../common/FieldHistory';
import {
  CardPrintHeader,
  CardPrintSection,
  PrintButton,
  printOnly,
  screenOnly,
} from '../common/Print';
import { StatusChangeButton, StatusTimeline } from '../common/StatusChange';
import { useFieldGroups } from '../common/useFieldGroups';
import { SiblingsBlock } from '../sibling-groups';
import { ChildAttachmentsTab } from './Attachments';
import { childSections } from './childShowSections';

const Title = () => {
  const record = useRecordContext<{ surname?: string; givenNames?: string; id: number }>();
  if (!record) return null;
  return <>{record.surname ? `${record.surname} ${record.givenNames ?? ''}` : `#${record.id}`}</>;
};

/**
 * The child's card in tabs after the record sheet (uzskaites lapa), then the sibling group and the
 * history timeline; a tab or field whose group the user may not read is not rendered (a care
 * institution sees neither the religion, the birth family nor the adoption tab). "Drukāt" prints
 * every visible group one after another. Below: the status history and who has seen the card.
 */
export const ChildShow = () => {
  const { can } = useFieldGroups('children', childGroups);
  const siblings = useCanAccess({ resource: 'sibling-groups', action: 'show' });
  const sections = childSections(can);
  const showSiblings = can('placement') && siblings.canAccess === true;
  return (
    <Show
      actions={
        <TopToolbar>
          <ProposeChangeButton />
          <PrintButton />
          <StatusChangeButton resource="children" />
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout className={`${screenOnly} card-tabs`} sx={cardTabsSx}>
        {sections.map((s) => (
          <TabbedShowLayout.Tab key={s.key} label={s.label} path={s.path}>
            {s.fields}
          </TabbedShowLayout.Tab>
        ))}
        {showSiblings && (
          <TabbedShowLayout.Tab label="app.register.tabs.siblings" path="siblings">
            <SiblingsBlock label={false} withEmpty />
          </TabbedShowLayout.Tab>
        )}
        <TabbedShowLayout.Tab label="app.attachments.tab" path="attachments">
          <ChildAttachmentsTab label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.register.tabs.history" path="history">
          <FieldHistory resource="children" label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
      <div className={printOnly}>
        <CardPrintHeader title={<Title />} />
        {sections.map((s) => (
          <CardPrintSection key={s.key} title={s.label}>
            <SimpleShowLayout sx={{ py: 0 }}>{s.fields}</SimpleShowLayout>
          </CardPrintSection>
        ))}
        {showSiblings && (
          <CardPrintSection title="app.register.tabs.siblings">
            <SiblingsBlock label={false} withEmpty />
          </CardPrintSection>
        )}
      </div>
      <StatusTimeline resource="children" />
      {/* Who has seen the card is for the screen, not for the case file. */}
      <Box className={screenOnly}>
        <RecordHistory />
      </Box>
    </Show>
  );
};
