import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** A run of text; pdf.js lists marked-content boundaries beside them only when asked to. */
type TextItem = Extract<Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number], { str: string }>

/**
 * The standard 14 fonts, for a PDF that names one without embedding it; Chromium embeds what it
 * prints, so this is for other producers. In Node, pdf.js reads the directory from disk.
 */
const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + sep

/**
 * The text of a PDF, page by page, as pdf.js extracts it: a line ends where the PDF ends one.
 * In Node the legacy build has no web worker and parses in this thread (its "fake worker");
 * verbosity 0 keeps its font warnings out of the test output.
 */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string[] }> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, standardFontDataUrl, isEvalSupported: false }).promise
  try {
    const text: string[] = []
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent()
      const items = content.items.filter((item): item is TextItem => 'str' in item)
      text.push(items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''))
    }
    return { pages: document.numPages, text }
  } finally {
    await document.destroy()
  }
}
