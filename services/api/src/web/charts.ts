import { html, type Html } from './html.js'

/**
 * Charts as inline SVG, drawn on the server: they print in the PDF as they show on screen, need no
 * script, and carry their figures as text (a title and a label) for whoever cannot see them.
 * Decimals become floats here for geometry only; every figure shown is the exact one, formatted
 * by the caller.
 */

/** The colour of each rating: each at least 3:1 against white, and never the only sign (the rating is written beside it). */
export const ratingColours: Readonly<Record<string, string>> = {
  achieved: '#1a7f37',
  on_track: '#2f6f1f',
  partly: '#a45200',
  off_track: '#c62828',
  no_data: '#6e7781',
}

const track = '#d0d7de'
const ink = '#1f2328'

const number = (decimal: string | null): number | null => {
  if (decimal === null) return null
  const parsed = Number(decimal)
  return Number.isFinite(parsed) ? parsed : null
}

const rounded = (value: number): string => String(Math.round(value * 10) / 10)

/**
 * Attainment against a target at 100 %: the bar runs to 150 % and stops there (the uncapped figure
 * is written beside it), with a mark where the target is.
 */
export function attainmentBar(attainment: string | null, rating: string, label: string): Html {
  const width = 200
  const scale = 1.5
  const value = number(attainment)
  const filled = value === null ? 0 : (Math.min(Math.max(value, 0), scale) / scale) * width
  const targetX = width / scale
  return html`<svg class="bar" viewBox="0 0 ${width} 14" width="${width}" height="14" role="img" aria-label="${label}" focusable="false">
<title>${label}</title>
<rect x="0" y="2" width="${width}" height="10" rx="2" fill="${track}"/>
<rect x="0" y="2" width="${rounded(filled)}" height="10" rx="2" fill="${ratingColours[rating] ?? ratingColours.no_data!}"/>
<line x1="${rounded(targetX)}" x2="${rounded(targetX)}" y1="0" y2="14" stroke="${ink}" stroke-width="2"/>
</svg>`
}

/**
 * A share (in percent) against its target as a half-circle gauge: the arc's end is the larger of
 * twice the target and the share, so the target sits at the top or to its left.
 */
export function gauge(share: string | null, target: string | null, label: string, caption: string): Html {
  const value = number(share)
  const goal = number(target)
  const end = Math.max(goal === null ? 0 : goal * 2, value ?? 0, 1e-9)
  const radius = 80
  const centreX = 100
  const centreY = 95
  const point = (fraction: number): [number, number] => {
    const angle = Math.PI * (1 - Math.min(Math.max(fraction, 0), 1))
    return [centreX + radius * Math.cos(angle), centreY - radius * Math.sin(angle)]
  }
  const arc = (fraction: number): string => {
    const [x, y] = point(fraction)
    return `M ${centreX - radius} ${centreY} A ${radius} ${radius} 0 0 1 ${rounded(x)} ${rounded(y)}`
  }
  const reached = value === null || goal === null ? 'no_data' : value >= goal ? 'achieved' : 'off_track'
  const [targetX, targetY] = point(goal === null ? 0 : goal / end)
  const [innerX, innerY] = [centreX + (targetX - centreX) * 0.78, centreY + (targetY - centreY) * 0.78]
  return html`<svg class="gauge" viewBox="0 0 200 125" width="200" height="125" role="img" aria-label="${label}" focusable="false">
<title>${label}</title>
<path d="${arc(1)}" fill="none" stroke="${track}" stroke-width="18"/>
${value !== null && value > 0 && html`<path d="${arc(value / end)}" fill="none" stroke="${ratingColours[reached]!}" stroke-width="18"/>`}
${goal !== null && html`<line x1="${rounded(innerX)}" y1="${rounded(innerY)}" x2="${rounded(targetX + (targetX - centreX) * 0.14)}" y2="${rounded(targetY + (targetY - centreY) * 0.14)}" stroke="${ink}" stroke-width="3"/>`}
<text x="100" y="90" text-anchor="middle" font-size="20" font-weight="700" fill="${ink}">${caption}</text>
</svg>`
}

export interface Bar {
  readonly label: string
  /** The exact figure, or null when there is none. */
  readonly value: string | null
  /** How the figure reads (formatted, or why there is none). */
  readonly shown: string
}

/** Horizontal bars for the categories of one breakdown, scaled to the largest. */
export function barChart(bars: readonly Bar[], label: string): Html {
  const rowHeight = 22
  const labelWidth = 110
  const barWidth = 150
  const largest = Math.max(...bars.map((bar) => number(bar.value) ?? 0), 1e-9)
  const height = bars.length * rowHeight
  return html`<svg class="bars" viewBox="0 0 ${labelWidth + barWidth + 90} ${height}" width="${labelWidth + barWidth + 90}" height="${height}" role="img" aria-label="${label}" focusable="false">
<title>${label}</title>
${bars.map((bar, index) => {
  const y = index * rowHeight
  const width = ((number(bar.value) ?? 0) / largest) * barWidth
  return html`<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" font-size="12" fill="${ink}">${bar.label}</text>
<rect x="${labelWidth}" y="${y + 4}" width="${rounded(width)}" height="14" fill="#0b5cad"/>
<text x="${rounded(labelWidth + width + 6)}" y="${y + 15}" font-size="12" fill="${ink}">${bar.shown}</text>`
})}
</svg>`
}

export interface MoneyStages {
  readonly label: string
  readonly planned: string
  readonly allocated: string
  readonly executed: string
}

/** Planned, allocated and executed side by side for each row (a year or a funder), on one scale. */
export function moneyBars(rows: readonly MoneyStages[], stageLabels: readonly [string, string, string], label: string): Html {
  const colours = ['#8c959f', '#0b5cad', '#1a7f37'] as const
  const labelWidth = 120
  const barWidth = 220
  const groupHeight = 44
  const largest = Math.max(...rows.flatMap((row) => [row.planned, row.allocated, row.executed].map((amount) => number(amount) ?? 0)), 1e-9)
  const height = rows.length * groupHeight + 20
  return html`<svg class="money" viewBox="0 0 ${labelWidth + barWidth + 10} ${height}" width="${labelWidth + barWidth + 10}" height="${height}" role="img" aria-label="${label}" focusable="false">
<title>${label}</title>
${stageLabels.map(
  (stage, index) =>
    html`<rect x="${labelWidth + index * 75}" y="2" width="10" height="10" fill="${colours[index]!}"/><text x="${labelWidth + index * 75 + 14}" y="11" font-size="11" fill="${ink}">${stage}</text>`,
)}
${rows.map((row, index) => {
  const y = 20 + index * groupHeight
  return html`<text x="${labelWidth - 6}" y="${y + 22}" text-anchor="end" font-size="12" fill="${ink}">${row.label}</text>
${[row.planned, row.allocated, row.executed].map(
  (amount, stage) =>
    html`<rect x="${labelWidth}" y="${y + 4 + stage * 12}" width="${rounded(((number(amount) ?? 0) / largest) * barWidth)}" height="10" fill="${colours[stage]!}"/>`,
)}`
})}
</svg>`
}
