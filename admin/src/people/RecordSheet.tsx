import { Box } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { Show, TabbedShowLayout, useRecordContext, type RaRecord } from 'react-admin';

import { RecordHistory } from '../audit';
import { cardTabsSx } from './cardLayout';
import { FieldHistory } from '../common/FieldHistory';
import { CardPrintHeader, CardPrintSection, printOnly, screenOnly } from '../common/Print';
import { StatusTimeline } from '../common/StatusChange';
import { FieldGrid } from './FieldGrid';
import type { CardSection } from './sections';
import { wholeRecord } from '../providers/dataProvider';

/** A tab after the field sections (siblings, attachments); `print`: also on paper. */
export interface SheetTab {
  key: string;
  label: string;
  path: string;
  content: ReactElement;
  print?: boolean;
}

export interface RecordSheetProps {
  resource: 'children' | 'adopters';
  actions: ReactElement;
  /** The field sections the user may read, for the record on screen. */
  sections: (record: RaRecord | undefined) => CardSection[];
  tabs?: SheetTab[];
  /** The summary header above the tabs (a component reading the record). */
  summary?: ReactNode;
}

const Title = () => {
  const record = useRecordContext<{ surname?: string; givenNames?: string; id: number }>();
  if (!record) return null;
  return <>{record.surname ? `${record.surname} ${record.givenNames ?? ''}` : `#${record.id}`}</>;
};

const Sheet = ({ resource, sections: sectionsOf, tabs = [], summary }: RecordSheetProps) => {
  const record = useRecordContext();
  const sections = sectionsOf(record);
  return (
    <>
      <Box className={screenOnly}>{summary}</Box>
      <TabbedShowLayout className={`${screenOnly} card-tabs`} sx={cardTabsSx}>
        {sections.map((s) => (
          <TabbedShowLayout.Tab key={s.key} label={s.label} path={s.path}>
            <FieldGrid fields={s.fields} label={false} />
          </TabbedShowLayout.Tab>
        ))}
        {tabs.map((t) => (
          <TabbedShowLayout.Tab key={t.key} label={t.label} path={t.path}>
            {t.content}
          </TabbedShowLayout.Tab>
        ))}
        <TabbedShowLayout.Tab label="app.register.tabs.history" path="history">
          <FieldHistory resource={resource} label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
      <div className={printOnly}>
        <CardPrintHeader title={<Title />} />
        {sections.map((s) => (
          <CardPrintSection key={s.key} title={s.label}>
            <FieldGrid fields={s.fields} />
          </CardPrintSection>
        ))}
        {tabs
          .filter((t) => t.print)
          .map((t) => (
            <CardPrintSection key={t.key} title={t.label}>
              {t.content}
            </CardPrintSection>
          ))}
      </div>
    </>
  );
};

/**
 * A person's record as a record sheet: the summary header, then the groups of fields in tabs,
 * each a dense grid (label above value), the resource's own tabs, and the history timeline; on
 * paper every visible group one after another. Below: the status history and who has seen or
 * changed the record (for the screen only, not for the case file).
 */
export const RecordSheet = (props: RecordSheetProps) => (
  <Show actions={props.actions} queryOptions={wholeRecord}>
    <Sheet {...props} />
    <StatusTimeline resource={props.resource} />
    <Box className={screenOnly}>
      <RecordHistory />
    </Box>
  </Show>
);
