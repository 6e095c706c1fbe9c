import { isTreguesiError } from '@treguesi/errors'
import { loadApiConfig } from '../../src/config.js'

/** The issues TRG_CONFIG_INVALID lists for `env`; fails when the configuration is accepted. */
export function issuesOf(env: Record<string, string>) {
  try {
    loadApiConfig(env)
  } catch (error) {
    if (isTreguesiError(error, 'TRG_CONFIG_INVALID')) return error.details.issues
    throw error
  }
  throw new Error('accepted')
}
