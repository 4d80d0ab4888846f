import { isUuid } from '@quorum/shared';
import { getNamedType, GraphQLID, isListType, isNonNullType, type GraphQLArgument } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context.js';
import { BadInputError } from '../errors.js';

const rootTypes = new Set(['Query', 'Mutation']);

/** The `ID` arguments of a root field (not lists, not inside input objects: those carry `@IsUUID`). */
function idArguments(args: readonly GraphQLArgument[]): readonly GraphQLArgument[] {
  return args.filter((arg) => {
    const type = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
    return !isListType(type) && getNamedType(type) === GraphQLID;
  });
}

/**
 * A malformed id in a root field's `ID` argument never reaches the database (where it fails as a server
 * error): a query answers null, as for an id that does not exist; a mutation answers BAD_USER_INPUT.
 */
export const malformedIds: MiddlewareFn<Context> = ({ args, info }, next) => {
  if (!rootTypes.has(info.parentType.name)) return next();
  const field = info.parentType.getFields()[info.fieldName];
  for (const arg of idArguments(field?.args ?? [])) {
    const value: unknown = args[arg.name];
    if (value === undefined || value === null || isUuid(value)) continue;
    if (info.parentType.name === 'Query' && !isNonNullType(info.returnType)) return Promise.resolve(null);
    throw new BadInputError(arg.name, `"${arg.name}" is not a valid id`);
  }
  return next();
};
