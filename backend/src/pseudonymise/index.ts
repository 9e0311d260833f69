// pseudonymise/: pseudonymisation of register data (children's and adopters' names, personal codes,
// free texts): one module for the TEST refresh from PROD (jenkins/refresh-test-from-prod) and for
// later exports (a statistics export can use personPseudonym as a stable person id and the
// classification as its list of what may leave PROD). docs/pseudonymisation.md describes the rules.
export {
  CLASSIFICATION,
  compareWithSchema,
  type ColumnRule,
  type TableRule,
} from './classification';
export { pseudonymKey, personPseudonym } from './keyed';
export { Pseudonymiser } from './people';
export { pseudonymiseDatabase } from './database';
export { collectNeedles, scanForNeedles, assertClassified } from './scan';
export { refreshTestFromProd, verifyTarget } from './refresh';
export { assertTargetUrlNotProd, readMarker, writeMarker, MARKER_SETTING } from './guard';
