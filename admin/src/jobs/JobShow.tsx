import { useEffect } from 'react';
import {
  ListButton,
  NumberField,
  Show,
  SimpleShowLayout,
  FunctionField,
  useTranslate,
  TopToolbar,
  useRecordContext,
  useRefresh,
} from 'react-admin';

import { LvDateField } from '../common/LvDateField';
import { CancelJobButton } from './JobButtons';
import { JobNameField, JobProgressField, JobResultField, JobStatusField } from './JobFields';
import { isActive } from './jobs';

const AutoRefresh = () => {
  const record = useRecordContext();
  const refresh = useRefresh();
  const active = isActive(record?.status);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, [active, refresh]);
  return null;
};

const Actions = () => (
  <TopToolbar>
    <CancelJobButton />
    <ListButton />
  </TopToolbar>
);

/** One run: its progress while it runs, then its outcome and result. */
export const JobShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <AutoRefresh />
        <NumberField source="id" />
        <JobNameField source="name" />
        <JobStatusField source="status" />
        <JobProgressField source="progress" />
        <LvDateField source="runFor" emptyText="—" />
        <FunctionField
          source="startedBy"
          render={(r: { startedByName: string | null }) =>
            r.startedByName ?? translate('app.jobs.by_schedule')
          }
        />
        <LvDateField source="createdAt" showTime />
        <LvDateField source="startedAt" showTime emptyText="—" />
        <LvDateField source="finishedAt" showTime emptyText="—" />
        <JobResultField source="result" sortable={false} />
      </SimpleShowLayout>
    </Show>
  );
};
