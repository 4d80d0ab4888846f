import {
  getMetadataStorage,
  validateOrReject,
  type ValidationError,
  type ValidatorOptions,
} from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

// type-graphql's own defaults for argument validation.
const options: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };
const ruled = new WeakMap<object, boolean>();

/** Whether class-validator has rules for the value's class (asked once per class): page arguments have none. */
function hasRules(value: object): boolean {
  let has = ruled.get(value.constructor);
  if (has === undefined) {
    has = getMetadataStorage().getTargetValidationMetadatas(value.constructor, '', true, false).length > 0;
    ruled.set(value.constructor, has);
  }
  return has;
}

const validatable = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && hasRules(value);

/**
 * type-graphql's argument validation, unchanged, except that classes without rules are not handed to
 * class-validator at all, and class-validator is imported once here:
 * type-graphql's built-in path runs `await import('class-validator')` for every argument of every field
 * (type-graphql#982), which under the tsx loader is a round trip to the loader thread — a hundred of them
 * for a meeting with fifty agenda items whose appraisals and comments take page arguments.
 */
export const validateArgs: ValidatorFn = async (value) => {
  try {
    if (Array.isArray(value))
      await Promise.all(value.filter(validatable).map((item) => validateOrReject(item, options)));
    else if (validatable(value)) await validateOrReject(value, options);
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
};
