import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { requestLimits, type RequestLimits } from '../config/limits.js';
import { queryLimitRules } from './query-limits.js';
import { refusal, RefusalCode } from './refusal.js';

export interface WebSocketGuardOptions {
  schema: GraphQLSchema;
  /** Production: no introspection and no "Did you mean …" suggestions, as on HTTP. */
  production: boolean;
  limits?: RequestLimits;
}

/**
 * What Apollo Server does for HTTP, for graphql-ws (which validates with the specified rules only): the size
 * limit, the token limit while parsing, the query limits with the cost priced with the variables, the cap on
 * operations per socket. Answers the arguments to execute, or the errors that refuse the operation (sent as
 * an `error` message; the socket stays open).
 */
export function webSocketGuard({ schema, production, limits = requestLimits }: WebSocketGuardOptions) {
  const rules = (variables: SubscribePayload['variables']): ValidationRule[] => [
    ...specifiedRules,
    ...queryLimitRules(limits, variables),
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];

  return (payload: SubscribePayload, runningOnSocket: number): ExecutionArgs | GraphQLError[] => {
    if (runningOnSocket > limits.maxSubscriptionsPerConnection) {
      return [
        refusal(
          RefusalCode.TOO_MANY_SUBSCRIPTIONS,
          `At most ${limits.maxSubscriptionsPerConnection} operations may run at once on one connection`,
        ),
      ];
    }
    // Measured as the same operation's body over HTTP would be.
    if (Buffer.byteLength(JSON.stringify(payload)) > limits.maxBodyBytes) {
      return [
        refusal(
          RefusalCode.PAYLOAD_TOO_LARGE,
          `The operation is larger than ${Math.round(limits.maxBodyBytes / 1024)} kB`,
        ),
      ];
    }

    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'The document could not be parsed';
      return [refusal(RefusalCode.GRAPHQL_PARSE_FAILED, message)];
    }

    let errors: readonly GraphQLError[];
    try {
      errors = validate(schema, document, rules(payload.variables), { hideSuggestions: production });
    } catch {
      errors = [new GraphQLError('The document could not be validated')];
    }
    if (errors.length > 0) {
      return errors.map(
        (error) =>
          new GraphQLError(error.message, {
            nodes: error.nodes ?? null,
            extensions: { ...error.extensions, code: RefusalCode.GRAPHQL_VALIDATION_FAILED },
          }),
      );
    }

    return {
      schema,
      document,
      operationName: payload.operationName ?? null,
      variableValues: payload.variables ?? null,
      hideSuggestions: production,
    };
  };
}
