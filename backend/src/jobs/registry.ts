import type { JobDef } from './define';
import { deadlinesJob } from './deadlines';
import { registerAnswersJob } from '../registers/answers-job';
import { registerReconciliationJob } from '../registers/reconcile';

/**
 * Every job of the register. A new job (reconciliation, document rendering, retention, exports)
 * is a `defineJob` in its domain folder, added here; docs/jobs.md says how.
 */
export const registeredJobs: readonly JobDef[] = [
  deadlinesJob,
  registerAnswersJob,
  registerReconciliationJob,
];
