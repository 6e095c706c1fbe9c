import type { TreguesiError } from '@treguesi/errors'
import { loadApiConfig } from '../../src/config.js'

/**
 * What the configuration check says of `env`: 'accepted', or the issues TRG_CONFIG_INVALID lists.
 * Any other failure has no issues to list, so a comparison with the expected issues fails.
 */
export function issuesOf(env: Record<string, string>) {
  try {
    loadApiConfig(env)
    return 'accepted'
  } catch (error) {
    return (error as TreguesiError<'TRG_CONFIG_INVALID'>).details.issues
  }
}
