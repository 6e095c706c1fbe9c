import type { CliCommand } from './context.js'
import { exportCommand } from './commands/export.js'
import {
  exportAdxCommand,
  exportCsvCommand,
  exportDhis2CsvCommand,
  exportDhis2JsonCommand,
  exportIatiCommand,
  exportSdmxCommand,
} from './commands/export-figures.js'
import { headCommand } from './commands/head.js'
import { importCommand } from './commands/import.js'
import { rebuildCommand } from './commands/rebuild.js'
import { reportCommand } from './commands/report.js'
import { sealCommand } from './commands/seal.js'
import { tokenCommand } from './commands/token.js'
import { verifyCommand } from './commands/verify.js'

/**
 * Every command of `npm run treguesi -- <command>`, in the order `help` lists them. A command is
 * a file in ./commands and one line here.
 */
export const commands: Readonly<Record<string, CliCommand>> = {
  verify: verifyCommand,
  head: headCommand,
  seal: sealCommand,
  export: exportCommand,
  'export-csv': exportCsvCommand,
  'export-sdmx': exportSdmxCommand,
  'export-dhis2-json': exportDhis2JsonCommand,
  'export-dhis2-csv': exportDhis2CsvCommand,
  'export-adx': exportAdxCommand,
  'export-iati': exportIatiCommand,
  import: importCommand,
  rebuild: rebuildCommand,
  report: reportCommand,
  token: tokenCommand,
}
