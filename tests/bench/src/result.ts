/** One figure of the benchmark report, as latest.json holds it. */
export interface MetricResult {
  readonly name: string
  /** Null when the figure cannot be measured; `reason` then says why. */
  readonly value: number | null
  readonly unit: string
  /** The same work done the plainest way, measured in the same run; null when there is none. */
  readonly baseline: number | null
  readonly baselineDescription: string
  /** value / baseline, or for paired rounds the median of the per-round ratios (see parameters). */
  readonly ratio: number | null
  /** The goal of issue 6, in words. */
  readonly goal: string
  /** Whether the goal is reached; null when it cannot be said. Reported, never asserted. */
  readonly meetsGoal: boolean | null
  readonly parameters: Readonly<Record<string, unknown>>
  readonly reason?: string
}

/** Progress for the person watching; stdout is kept for the results. */
export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`)
}
