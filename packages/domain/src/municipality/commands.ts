import { z } from 'zod'
import { yearProblem } from '../shared/date.js'
import { currencySchema, moneySchema, type Currency } from '../shared/money.js'
import { refinement } from '../shared/problem.js'
import { localizedLabelSchema } from '../shared/text.js'

/** Short stable codes such as "ELB" (Elbasan) or "DRE" (Drenas); they name the stream. */
export const municipalityCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, { message: 'must be 2–16 capital letters, digits or dashes, such as ELB' })

export const fiscalYearSchema = z
  .number({ message: 'must be a year' })
  .int({ message: 'must be a whole year' })
  .superRefine(refinement(yearProblem))

const countryCurrency = { AL: 'ALL', XK: 'EUR' } as const satisfies Record<string, Currency>

const countrySchema = z.enum(['AL', 'XK'], { message: 'must be AL (Albania) or XK (Kosovo)' })
export type Country = z.infer<typeof countrySchema>

/** What a municipality is called at home: a *bashkia* in Albania, a *komuna* in Kosovo. */
const municipalityKindSchema = z.enum(['bashkia', 'komuna'], { message: 'must be bashkia or komuna' })
export type MunicipalityKind = z.infer<typeof municipalityKindSchema>

/** The one kind of municipality each country has. */
export const municipalityKindOf = Object.freeze({ AL: 'bashkia', XK: 'komuna' } as const satisfies Record<Country, MunicipalityKind>)

export const registerMunicipalitySchema = z
  .object({
    type: z.literal('RegisterMunicipality'),
    code: municipalityCodeSchema,
    name: localizedLabelSchema,
    country: countrySchema,
    currency: currencySchema,
    /** Defaults to the country's kind. */
    kind: municipalityKindSchema.optional(),
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

/**
 * An IATI organisation identifier: the registration agency's code, then the number it gave
 * (`AL-COA-12345`). IATI forbids `/`, `&`, `|` and `?` in identifiers (rule 1.3.13) and blanks.
 * The agency is not held to the municipality's country: IATI's own agency (`XI-IATI`) gives
 * identifiers to organisations of any country.
 */
export const iatiOrganisationIdentifierSchema = z
  .string()
  .max(100, { message: 'must be at most 100 characters long' })
  .regex(/^[A-Za-z0-9]{2,}-[A-Za-z0-9]+-[A-Za-z0-9._-]+$/, {
    message: 'must be the registration agency and the number it gave, such as AL-COA-12345, without blanks, /, &, | or ?',
  })

/** Admins keep it: IATI publishers name the municipality by it, and the IATI export refuses a municipality without one. */
export const setMunicipalityIatiIdentifierSchema = z.object({
  type: z.literal('SetMunicipalityIatiIdentifier'),
  code: municipalityCodeSchema,
  identifier: iatiOrganisationIdentifierSchema,
})

export const municipalityCommandSchema = z.discriminatedUnion('type', [
  registerMunicipalitySchema,
  setMunicipalBudgetTotalSchema,
  setMunicipalityIatiIdentifierSchema,
])

export type MunicipalityCommand = z.infer<typeof municipalityCommandSchema>
