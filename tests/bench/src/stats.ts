/** Summaries of repeated measurements. */

/** The middle value; of an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no measurements to summarise')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The nearest-rank percentile: a value that was actually measured, never an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no measurements to summarise')
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

/** Milliseconds since an arbitrary start, with sub-microsecond resolution. */
export function now(): number {
  return performance.now()
}

/**
 * Runs `rounds` rounds of a measurement and its baseline back to back, swapping which goes first
 * each round, so that a burst of load from another process on the shared machine hits both about
 * equally. Returns each side's rates and the per-round ratios (measured / baseline): the median of
 * those ratios is steadier than the ratio of two medians taken at different moments.
 */
export async function paired(
  rounds: number,
  measured: (round: number) => Promise<number> | number,
  baseline: (round: number) => Promise<number> | number,
): Promise<{ measured: number[]; baseline: number[]; ratios: number[] }> {
  const result = { measured: [] as number[], baseline: [] as number[], ratios: [] as number[] }
  for (let round = 0; round < rounds; round++) {
    let m: number
    let b: number
    if (round % 2 === 0) {
      m = await measured(round)
      b = await baseline(round)
    } else {
      b = await baseline(round)
      m = await measured(round)
    }
    result.measured.push(m)
    result.baseline.push(b)
    result.ratios.push(m / b)
  }
  return result
}

/**
 * Like `paired`, for any number of sides: each round runs every side once, starting from a
 * different side each round. Returns each side's results, round by round.
 */
export async function interleaved<Side extends string>(
  rounds: number,
  sides: Readonly<Record<Side, (round: number) => Promise<number> | number>>,
): Promise<Record<Side, number[]>> {
  const names = Object.keys(sides) as Side[]
  const results = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<Side, number[]>
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!
      results[name].push(await sides[name](round))
    }
  }
  return results
}

/** The median of the per-round ratios of two sides measured in the same rounds. */
export function medianRatio(measured: readonly number[], baseline: readonly number[]): number {
  return median(measured.map((value, round) => value / baseline[round]!))
}

/** Rounds to a few significant digits for reports: 12345.678 → 12346, 0.012345 → 0.0123. */
export function significant(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value
  const magnitude = Math.floor(Math.log10(Math.abs(value)))
  const factor = 10 ** Math.max(0, digits - 1 - magnitude)
  return Math.round(value * factor) / factor
}

/**
 * Runs `work` and returns its wall time and the CPU time this process spent meanwhile, both in
 * seconds. On a machine others load, CPU time shows what the work costs when wall time is
 * stretched by waiting for a core (it leaves out waiting for the disk, too).
 */
export async function timed(work: () => Promise<void> | void): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage()
  const started = now()
  await work()
  const wall = (now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 }
}
