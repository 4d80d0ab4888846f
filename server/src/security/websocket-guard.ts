import { ErrorCode } from '@quorum/shared';
import {
  getOperationAST,
  getVariableValues,
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
import { coercionField } from '../input-refusal.js';
import { costRule } from './cost.js';
import { queryLimitRules } from './query-limits.js';
import { refusal, RefusalCode } from './refusal.js';

/** Distinct documents remembered as parsed and validated; past it the oldest is checked again when it returns. */
const documentsKept = 500;

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
  const rules: ValidationRule[] = [
    ...specifiedRules,
    ...queryLimitRules(limits),
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  // Clients send the same few documents over and over (every room opens the same subscription): each is
  // parsed and validated once, as Apollo does over HTTP; only its price is checked again with the variables.
  const checked = new Map<string, { document: DocumentNode } | { errors: GraphQLError[] }>();
  const check = (query: string) => {
    let result = checked.get(query);
    if (!result) {
      result = parseAndValidate(query);
      if (checked.size >= documentsKept) checked.delete(checked.keys().next().value!);
      checked.set(query, result);
    }
    return result;
  };
  const parseAndValidate = (query: string): { document: DocumentNode } | { errors: GraphQLError[] } => {
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens });
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'The document could not be parsed';
      return { errors: [refusal(RefusalCode.GRAPHQL_PARSE_FAILED, message)] };
    }
    const errors = validated(document, rules);
    return errors.length > 0 ? { errors } : { document };
  };
  const validated = (document: DocumentNode, applied: ValidationRule[]): GraphQLError[] => {
    let errors: readonly GraphQLError[];
    try {
      errors = validate(schema, document, applied, { hideSuggestions: production });
    } catch {
      errors = [new GraphQLError('The document could not be validated')];
    }
    return errors.map(
      (error) =>
        new GraphQLError(error.message, {
          nodes: error.nodes ?? null,
          extensions: { ...error.extensions, code: RefusalCode.GRAPHQL_VALIDATION_FAILED },
        }),
    );
  };

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

    const result = check(payload.query);
    if ('errors' in result) return result.errors;
    const { document } = result;
    if (payload.variables && Object.keys(payload.variables).length > 0) {
      const priced = validated(document, [costRule(limits, payload.variables)]);
      if (priced.length > 0) return priced;
    }

    // Variables that do not fit their types are the client's mistake, as Apollo answers over HTTP (graphql-ws
    // would send them as uncoded errors).
    const operation = getOperationAST(document, payload.operationName);
    const coerced =
      operation &&
      getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, {
        maxErrors: 1,
      });
    if (coerced && coerced.errors) {
      return coerced.errors.map((error) => {
        const field = coercionField(error.message);
        return new GraphQLError(error.message, {
          nodes: error.nodes ?? null,
          extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
        });
      });
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
