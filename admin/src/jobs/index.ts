/**
 * jobs/: background jobs for administrators — the runs with progress bars and status, "run now"
 * and cancel (specialists and heads of department only look). The queue is the API's
 * (backend/src/jobs/, docs/jobs.md).
 */
import ScheduleIcon from '@mui/icons-material/Schedule';

import { JobList } from './JobList';
import { JobShow } from './JobShow';

export default {
  list: JobList,
  show: JobShow,
  icon: ScheduleIcon,
  recordRepresentation: (record: { id: number | string }) => `#${record.id}`,
};
