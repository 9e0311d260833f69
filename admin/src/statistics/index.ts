export { StatisticsMenuItem } from './StatisticsMenuItem';
export { StatisticsPage } from './StatisticsPage';
