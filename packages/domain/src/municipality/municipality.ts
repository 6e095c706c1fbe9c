import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import type { Decider, DomainEvent } from '../decider.js'
import { assertCurrency, currencySchema, moneySchema, type Currency, type Money } from '../shared/money.js'
import { yearProblem } from '../shared/date.js'
import { refinement } from '../shared/problem.js'
import { localizedLabelSchema, type LocalizedText } from '../shared/text.js'

/** Short stable codes such as "ELB" (Elbasan) or "DRE" (Drenas); they name the stream. */
export const municipalityCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, { message: 'must be 2–16 capital letters, digits or dashes, such as ELB' })

export const fiscalYearSchema = z
  .number({ message: 'must be a year' })
  .int({ message: 'must be a whole year' })
  .superRefine(refinement(yearProblem))

const countryCurrency = { AL: 'ALL', XK: 'EUR' } as const satisfies Record<string, Currency>

export type Country = 'AL' | 'XK'

/** What a municipality is called at home: a *bashkia* in Albania, a *komuna* in Kosovo. */
export type MunicipalityKind = 'bashkia' | 'komuna'

/** The one kind of municipality each country has. */
export const municipalityKindOf = Object.freeze({ AL: 'bashkia', XK: 'komuna' } as const satisfies Record<Country, MunicipalityKind>)

export const registerMunicipalitySchema = z
  .object({
    type: z.literal('RegisterMunicipality'),
    code: municipalityCodeSchema,
    name: localizedLabelSchema,
    country: z.enum(['AL', 'XK'], { message: 'must be AL (Albania) or XK (Kosovo)' }),
    currency: currencySchema,
    /** Defaults to the country's kind. */
    kind: z.enum(['bashkia', 'komuna'], { message: 'must be bashkia or komuna' }).optional(),
  })
  .refine((command) => countryCurrency[command.country] === command.currency, {
    path: ['currency'],
    message: 'must be ALL for an Albanian municipality and EUR for a Kosovar one',
  })
  .refine((command) => command.kind === undefined || municipalityKindOf[command.country] === command.kind, {
    path: ['kind'],
    message: 'must be bashkia for an Albanian municipality and komuna for a Kosovar one',
  })

export const setMunicipalBudgetTotalSchema = z.object({
  type: z.literal('SetMunicipalBudgetTotal'),
  code: municipalityCodeSchema,
  fiscalYear: fiscalYearSchema,
  total: moneySchema,
})

export const municipalityCommandSchema = z.discriminatedUnion('type', [
  registerMunicipalitySchema,
  setMunicipalBudgetTotalSchema,
])

export type MunicipalityCommand = z.infer<typeof municipalityCommandSchema>

export type MunicipalityEvent =
  | DomainEvent<
      'municipality.registered.v2',
      { code: string; name: LocalizedText; country: Country; kind: MunicipalityKind; currency: Currency }
    >
  | DomainEvent<'municipality.budget-total-set.v1', { code: string; fiscalYear: number; total: Money }>

/**
 * Recorded before municipalities had a kind; superseded by municipality.registered.v2. Stored
 * ones are read as v2 through their upcaster (see ../upcasting.ts): no decider sees them.
 */
export type MunicipalityRegisteredV1 = DomainEvent<
  'municipality.registered.v1',
  { code: string; name: LocalizedText; country: Country; currency: Currency }
>

export type MunicipalityState =
  | { readonly registered: false }
  | {
      readonly registered: true
      readonly code: string
      readonly name: LocalizedText
      readonly country: Country
      readonly kind: MunicipalityKind
      readonly currency: Currency
      /** The municipality's total budget per fiscal year: the denominator of budget shares. */
      readonly budgetTotals: Readonly<Record<number, Money>>
    }

export const municipalityStream = (code: string): string => `municipality-${code}`

export const municipality: Decider<MunicipalityCommand, MunicipalityEvent, MunicipalityState> = {
  initialState: { registered: false },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterMunicipality': {
        if (state.registered) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'municipality', id: command.code })
        const { type: _type, kind = municipalityKindOf[command.country], ...fields } = command
        return [{ type: 'municipality.registered.v2', data: { ...fields, kind } }]
      }
      case 'SetMunicipalBudgetTotal': {
        if (!state.registered) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'municipality', id: command.code })
        assertCurrency(command.total, state.currency, 'total')
        const current = state.budgetTotals[command.fiscalYear]
        if (current?.amount === command.total.amount) return []
        const { type: _type, ...data } = command
        return [{ type: 'municipality.budget-total-set.v1', data }]
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'municipality.registered.v2':
        return { registered: true, ...event.data, budgetTotals: {} }
      case 'municipality.budget-total-set.v1': {
        // A budget total is only ever decided for a registered municipality.
        const registered = state as Extract<MunicipalityState, { registered: true }>
        return { ...registered, budgetTotals: { ...registered.budgetTotals, [event.data.fiscalYear]: event.data.total } }
      }
    }
  },
}
