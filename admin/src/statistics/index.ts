/**
 * statistics/: the analysts' page of counts without personal data (cells below the API's minimum
 * shown as withheld) and its menu item. The lists' CSV/XLSX export is common/ExportButton.tsx.
 */
export { StatisticsMenuItem } from './StatisticsMenuItem';
export { StatisticsPage } from './StatisticsPage';
