import { useEffect } from 'react';
import {
  Datagrid,
  List,
  SelectInput,
  TextField,
  TopToolbar,
  useListContext,
  useRefresh,
} from 'react-admin';
import { jobRunStatuses } from '@adoption/model';

import { LvDateField } from '../common/LvDateField';
import { CancelJobButton, RunNowButtons } from './JobButtons';
import { JobNameField, JobProgressField, JobResultField, JobStatusField } from './JobFields';
import { isActive } from './jobs';

const statusChoices = jobRunStatuses.map((id) => ({ id, name: `app.jobs.statuses.${id}` }));
const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />];

/** While a run on the page is queued or running, the page asks again every two seconds. */
const AutoRefresh = () => {
  const { data } = useListContext();
  const refresh = useRefresh();
  const active = (data ?? []).some((r) => isActive(r.status));
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, [active, refresh]);
  return null;
};

// One "run now" per registered job: they wrap rather than widen the page.
const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }}>
    <RunNowButtons />
  </TopToolbar>
);

/** Fona darbi: the runs, newest first, with progress bars; administrators start and cancel. */
export const JobList = () => (
  <List
    filters={filters}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    exporter={false}
    actions={<Actions />}
    // No runs yet (a new installation): still the list with its "run now" buttons, not
    // react-admin's empty page, which has no toolbar.
    empty={false}
  >
    <AutoRefresh />
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <TextField source="id" />
      <JobNameField source="name" />
      <JobStatusField source="status" />
      <JobProgressField source="progress" sortable={false} />
      <LvDateField source="runFor" emptyText="—" />
      <LvDateField source="createdAt" showTime />
      <LvDateField source="finishedAt" showTime emptyText="—" sortable={false} />
      <JobResultField source="result" sortable={false} />
      <CancelJobButton />
    </Datagrid>
  </List>
);
