import { adopterGroups } from '@adoption/model';
import { Box } from '@mui/material';
import {
  EditButton,
  Show,
  SimpleShowLayout,
  TabbedShowLayout,
  TopToolbar,
  useRecordContext,
} from 'react-admin';

import { RecordHistory } from '../audit';
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
import { adopterSections } from './adopterShowSections';

const Title = () => {
  const record = useRecordContext<{ surname?: string; givenNames?: string; id: number }>();
  if (!record) return null;
  return <>{record.surname ? `${record.surname} ${record.givenNames ?? ''}` : `#${record.id}`}</>;
};

const AdopterLayout = () => {
  const { can } = useFieldGroups('adopters', adopterGroups);
  const record = useRecordContext();
  const sections = adopterSections(can, record?.origin === 'foreign');
  return (
    <>
      <TabbedShowLayout className={`${screenOnly} card-tabs`} sx={cardTabsSx}>
        {sections.map((s) => (
          <TabbedShowLayout.Tab key={s.key} label={s.label} path={s.path}>
            {s.fields}
          </TabbedShowLayout.Tab>
        ))}
        <TabbedShowLayout.Tab label="app.register.tabs.history" path="history">
          <FieldHistory resource="adopters" label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
      <div className={printOnly}>
        <CardPrintHeader title={<Title />} />
        {sections.map((s) => (
          <CardPrintSection key={s.key} title={s.label}>
            <SimpleShowLayout sx={{ py: 0 }}>{s.fields}</SimpleShowLayout>
          </CardPrintSection>
        ))}
      </div>
    </>
  );
};

/**
 * An adopter record in tabs: the applicant and the spouse, contacts, the decision and training,
 * background, wishes, the foreign adopter's details, refusals, history. Groups the user may not read
 * are not rendered (the API leaves them out too). "Drukāt" prints every visible group.
 */
export const AdopterShow = () => (
  <Show
    actions={
      <TopToolbar>
        <PrintButton />
        <StatusChangeButton resource="adopters" />
        <EditButton />
      </TopToolbar>
    }
  >
    <AdopterLayout />
    <StatusTimeline resource="adopters" />
    {/* Who has seen the record is for the screen, not for the case file. */}
    <Box className={screenOnly}>
      <RecordHistory />
    </Box>
  </Show>
);
