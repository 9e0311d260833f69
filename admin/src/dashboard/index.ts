/**
 * dashboard/: the first screen after signing in, a card for each register the role may open. The
 * menu and the app bar are layout/; counts for analysts statistics/.
 */
export { Dashboard } from './Dashboard';
