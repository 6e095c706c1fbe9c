import { inspect, parseArgs } from 'node:util'
import { isTreguesiError } from '@treguesi/errors'
import { commands } from './commands.js'
import { exitCodes, UsageError, writeLine, type CliIo, type ExitCode, type ParsedArgs } from './context.js'

export function usage(): string {
  const width = Math.max(...Object.values(commands).map((command) => command.usage.length))
  const lines = Object.values(commands).map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`)
  return [
    'usage: npm run treguesi -- <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'The store is the one the service uses: TREGUESI_STORE (sqlite or eventstoredb), TREGUESI_DB_PATH',
    '(default ./data/treguesi.db), TREGUESI_DB_SYNC, EVENTSTORE_CONNECTION_STRING.',
    'Exit codes: 0 ok, 1 verification or the command failed, 2 bad usage or configuration.',
  ].join('\n')
}

/** Runs one command line; returns the exit code. Never throws: every error is reported on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv
  if (name === 'help' || name === '--help' || name === '-h') {
    await writeLine(io.stdout, usage())
    return exitCodes.ok
  }
  const command = name !== undefined && Object.hasOwn(commands, name) ? commands[name]! : undefined
  if (command === undefined) {
    const problem = name === undefined ? 'no command given' : `unknown command "${name}"`
    await writeLine(io.stderr, `treguesi: ${problem}\n\n${usage()}`)
    return exitCodes.usage
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: true,
      strict: true,
    })
    if (positionals.length > command.maxPositionals) {
      throw new UsageError(`unexpected argument "${positionals[command.maxPositionals]}"`)
    }
    return await command.run({ values, positionals } as ParsedArgs, io)
  } catch (error) {
    return report(io, name!, error)
  }
}

async function report(io: CliIo, name: string, error: unknown): Promise<ExitCode> {
  // parseArgs reports unknown or malformed options with a code of its own.
  const usageProblem =
    error instanceof UsageError || (error instanceof Error && 'code' in error && /^ERR_PARSE_ARGS/.test(String(error.code)))
  if (usageProblem) {
    const usageLine = `usage: npm run treguesi -- ${commands[name]!.usage}`
    await writeLine(io.stderr, `treguesi ${name}: ${(error as Error).message}\n${usageLine}`)
    return exitCodes.usage
  }
  if (isTreguesiError(error)) {
    await writeLine(io.stderr, `treguesi ${name}: ${error.message} [${error.code}]`)
    return error.category === 'BAD_USER_INPUT' || error.category === 'BAD_CONFIGURATION' ? exitCodes.usage : exitCodes.failed
  }
  await writeLine(io.stderr, `treguesi ${name}: ${inspect(error)}`)
  return exitCodes.failed
}
