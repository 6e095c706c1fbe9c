/** A download's answer, as the export tests read it. */
export interface Download {
  readonly status: number
  readonly type: string | null
  readonly disposition: string | null
  readonly position: string | null
  /** The body as sent: a byte order mark is kept, not taken for the decoder's. */
  readonly text: string
}

/**
 * GETs `/exports/<file><query>` of the service at `url`, with a bearer token when given. Asks
 * for English: the export tests assert the refusals' English messages.
 */
export async function downloadExport(url: string, file: string, query = '', token?: string): Promise<Download> {
  const response = await fetch(`${url}/exports/${file}${query}`, {
    headers: { 'accept-language': 'en', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
  })
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    position: response.headers.get('treguesi-position'),
    text: Buffer.from(await response.arrayBuffer()).toString('utf8'),
  }
}
