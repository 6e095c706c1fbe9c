#!/usr/bin/env node
import { runCli } from './cli.js'

// stdout carries only the command's output (NDJSON, JSON, a head), so it can be piped.
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
})
