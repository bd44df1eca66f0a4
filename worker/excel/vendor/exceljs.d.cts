// Types of the generated worker/excel/vendor/exceljs.cjs: exceljs's own.
import ExcelJS from 'exceljs';
export default ExcelJS;
export * from 'exceljs';
