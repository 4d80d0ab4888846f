import { length, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * `@Length` for text a person must fill in (titles, names): measured without the spaces around it, as it is
 * stored, so that "   " is refused as too short rather than saved as an empty title. It is reported as
 * `isLength`, so the refusal names the field, the bound and the limit as for any length.
 */
export function TextLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && length(value.trim(), min, max),
        defaultMessage: () => `$property must be ${min} to ${max} characters, spaces around it aside`,
      },
    },
    options,
  );
}
