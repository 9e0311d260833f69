/**
 * dashboard/: the first screen after signing in — a card for each register the role may open and,
 * for specialists and heads of department, the adoption process at a glance (ProcessOverview) —
 * and the fairness report (`#/fairness`). The menu and the app bar are layout/; counts for
 * analysts statistics/.
 */
export { Dashboard } from './Dashboard';
export { FairnessMenuItem, FairnessPage } from './FairnessPage';
