/**
 * exceljs as the Worker uses it: the browser build with its nextTick made per request
 * (scripts/vendor-exceljs.mjs says why), so that concurrent downloads cannot disturb each other.
 */
import ExcelJS from './vendor/exceljs.cjs';

export default ExcelJS;
