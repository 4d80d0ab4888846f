import { limits } from '@quorum/shared';
import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/** A date a person could mean, or a TypeError saying the range (the refusal names the field). */
function inRange(date: Date): Date {
  const year = date.getUTCFullYear();
  if (year < limits.yearMin || year > limits.yearMax)
    throw new TypeError(`A date must fall in the years ${limits.yearMin} to ${limits.yearMax}`);
  return date;
}

/**
 * The schema's `DateTime`: graphql-scalars' RFC 3339 date-time, refusing dates outside the years of
 * `limits` where it reads them (the year 0000 or 9999 would otherwise reach PostgreSQL and fail there).
 */
export const DateTime = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  description: `${GraphQLDateTime.description} Only the years ${limits.yearMin} to ${limits.yearMax} are accepted.`,
  parseValue: (value) => inRange(GraphQLDateTime.parseValue(value) as Date),
  parseLiteral: (ast, variables) => inRange(GraphQLDateTime.parseLiteral(ast, variables) as Date),
});
