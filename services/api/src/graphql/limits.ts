import type { ValidationRule } from 'graphql'

export const validationRules: ValidationRule[] = []
