import { exportFormat, exportView, operatorIatiSource, operatorSource } from '@treguesi/exchange'
import { nationalStore } from '../data.js'
import { progress, type MetricResult } from '../result.js'
import { significant } from '../stats.js'
import { collect, foldAll } from './rebuild.js'

export interface ExportParameters {
  readonly size: number
  /** Heap samples over the export, each after full collections. */
  readonly samples: number
}

interface Sample {
  readonly records: number
  readonly bytes: number
  readonly heap: number
}

/**
 * An export of every figure of the national log, as an admin downloads it, written nowhere: the
 * tidy CSV, and SDMX-CSV of the figures tied to national codes. Each one's records per second,
 * and the heap it holds as it goes. The heap is sampled after full collections at even steps of
 * the file; a streamed export holds one indicator's rows (SDMX: one municipality's) at a time, so
 * what it holds at the end is what it held at the start, whatever the file's size.
 */
export async function exportFiles({ size, samples }: ExportParameters): Promise<MetricResult[]> {
  const path = await nationalStore(size)
  const { models } = await foldAll(path)
  const view = exportView(
    { figures: operatorSource(models.plans, models.budgets), iati: operatorIatiSource(models.plans, models.budgets) },
    models.national,
  )
  const results: MetricResult[] = []
  for (const [name, file] of [
    ['export.csv', 'figures.csv'],
    ['export.sdmx', 'figures.sdmx.csv'],
  ] as const) {
    const write = () => exportFormat(file).write({ request: {}, now: view, since: null, exportedAt: new Date(0).toISOString() }) ?? []
    results.push(...measured(name, write, samples, size))
  }
  return results
}

function measured(name: string, file: () => Iterable<string>, samples: number, size: number): MetricResult[] {
  // First pass: the time, and the size to sample at.
  const started = performance.now()
  let records = 0
  let bytes = 0
  for (const text of file()) {
    records += 1
    bytes += Buffer.byteLength(text)
  }
  const seconds = (performance.now() - started) / 1000
  const step = Math.max(1, Math.floor(records / samples))

  // Second pass: the heap the export holds, against the heap before it started.
  const before = collect()
  const taken: Sample[] = []
  let written = 0
  let count = 0
  for (const text of file()) {
    count += 1
    written += Buffer.byteLength(text)
    if (count % step === 0) taken.push({ records: count, bytes: written, heap: collect() - before })
  }
  const heaps = taken.map((sample) => sample.heap)
  const growth = Math.max(...heaps) - Math.min(...heaps)
  const perSecond = Math.round(records / seconds)
  progress(
    `${name}: ${records} records, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${seconds.toFixed(2)} s (${perSecond} records/s); heap held ${heaps.map((heap) => Math.round(heap / 1024)).join(', ')} KiB at each tenth`,
  )
  const parameters = { events: size, records, bytes, seconds: significant(seconds) }
  return [
    {
      name,
      value: perSecond,
      unit: 'records/s',
      baseline: null,
      baselineDescription: '',
      ratio: null,
      goal: 'none given: reported',
      meetsGoal: null,
      parameters,
    },
    {
      name: `${name}.heap`,
      value: Math.round(growth / 1024),
      unit: 'KiB',
      baseline: Math.round(bytes / 1024),
      baselineDescription: 'the size of the file written (KiB)',
      ratio: significant(growth / bytes),
      goal: 'memory does not grow with the export: what the heap holds varies by < 1 % of the file over it',
      meetsGoal: growth < bytes / 100,
      parameters: {
        ...parameters,
        measure: `process.memoryUsage().heapUsed after three full collections (node --expose-gc), at ${taken.length} even steps of the file, minus before it; the figure is the largest minus the smallest`,
        heapKiB: taken.map((sample) => ({ records: sample.records, heap: Math.round(sample.heap / 1024) })),
      },
    },
  ]
}
