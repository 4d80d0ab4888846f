import { getMetadataStorage, type ValidationError } from 'class-validator';

/** What a BAD_USER_INPUT from input validation tells the client: which field, which rule, which limit. */
export interface InputRefusal {
  /** The refused field, dotted for nested inputs (`entries.0.userId`). */
  field?: string;
  /** `maxLength`, `minLength`, `min`, `max`, `arrayMaxSize`, `arrayMinSize`, or class-validator's name. */
  constraint?: string;
  limit?: number;
  message: string;
}

/** The first refused field, depth first, with its path from the argument. */
function firstRefused(
  errors: readonly ValidationError[],
  path: readonly string[] = [],
): { error: ValidationError; path: string[] } | undefined {
  for (const error of errors) {
    const here = [...path, error.property];
    if (error.constraints && Object.keys(error.constraints).length > 0) return { error, path: here };
    const nested = firstRefused(error.children ?? [], here);
    if (nested) return nested;
  }
  return undefined;
}

/** The numbers a decorator was given (`@Length(1, 500)` → [1, 500]), read back from class-validator. */
function decoratorArguments(error: ValidationError, name: string): readonly unknown[] {
  const target: unknown = error.target?.constructor;
  if (typeof target !== 'function') return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((entry) => entry.propertyName === error.property && entry.name === name);
  return metadata?.constraints ?? [];
}

const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** The broken rule and its limit; `@Length(min, max)` is reported as the bound that was crossed. */
function limitOf(error: ValidationError, name: string): { constraint: string; limit?: number } {
  const args = decoratorArguments(error, name);
  if (name === 'isLength') {
    const [min, max] = [number(args[0]), number(args[1])];
    const tooShort = min !== undefined && (typeof error.value !== 'string' || error.value.trim().length < min);
    return tooShort || max === undefined
      ? { constraint: 'minLength', limit: min }
      : { constraint: 'maxLength', limit: max };
  }
  const limited = ['maxLength', 'minLength', 'min', 'max', 'arrayMaxSize', 'arrayMinSize'];
  return limited.includes(name) ? { constraint: name, limit: number(args[0]) } : { constraint: name };
}

const characters = (count: number) => (count === 1 ? '1 character' : `${count} characters`);
const entries = (count: number) => (count === 1 ? '1 entry' : `${count} entries`);

const describe: Record<string, (field: string, limit: number) => string> = {
  maxLength: (field, limit) => `${field}: at most ${characters(limit)}`,
  minLength: (field, limit) => `${field}: at least ${characters(limit)}`,
  max: (field, limit) => `${field}: at most ${limit}`,
  min: (field, limit) => `${field}: at least ${limit}`,
  arrayMaxSize: (field, limit) => `${field}: at most ${entries(limit)}`,
  arrayMinSize: (field, limit) => `${field}: at least ${entries(limit)}`,
};

/**
 * Names the field, the rule and the limit of a refused input, so that the client can say "Title: at most
 * 500 characters" in the user's language instead of "invalid input".
 */
export function describeInputRefusal(errors: readonly ValidationError[]): InputRefusal {
  const refused = firstRefused(errors);
  if (!refused) return { message: 'Invalid input' };
  const field = refused.path.join('.');
  const [name, classValidatorMessage] = Object.entries(refused.error.constraints ?? {})[0] ?? [];
  if (!name) return { field, message: 'Invalid input' };
  const { constraint, limit } = limitOf(refused.error, name);
  const message =
    limit !== undefined && describe[constraint]
      ? describe[constraint](field, limit)
      : (classValidatorMessage ?? 'Invalid input');
  return { field, constraint, ...(limit !== undefined ? { limit } : {}), message };
}

/**
 * The field of a variable that did not coerce (graphql-js says it only in words): `Variable "$input" got
 * invalid value … at "input.participants[0].role"` names `participants.0.role`, as validation would;
 * `Variable "$id" …` names `id`; a missing field of an input object is named after the object's path.
 */
export function coercionField(message: string): string | undefined {
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1];
  if (!variable) return undefined;
  const at = / at "([^"]+)";/.exec(message)?.[1];
  const missing = /Field "(\w+)" of required type "[^"]+" was not provided/.exec(message)?.[1];
  const path = [...(at ?? variable).replace(/\[(\d+)\]/g, '.$1').split('.'), ...(missing ? [missing] : [])];
  // Inside an input object, the fields are named from the object (`startsAt`, not `input.startsAt`).
  return path.length > 1 ? path.slice(1).join('.') : path[0];
}
