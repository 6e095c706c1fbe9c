import { status, type ServerErrorResponse } from '@grpc/grpc-js'

/** A request the server cannot act on, answered with INVALID_ARGUMENT as the real server does. */
export class RequestError extends Error {
  override readonly name = 'RequestError'
}

export function invalidArgument(error: unknown): ServerErrorResponse {
  return { name: 'RequestError', message: (error as Error).message, code: status.INVALID_ARGUMENT, details: (error as Error).message }
}
