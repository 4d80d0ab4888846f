import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  Kind,
  type FragmentDefinitionNode,
  type GraphQLError,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { requestLimits, type RequestLimits } from '../config/limits.js';
import { costRule, operationCost } from './cost.js';
import { refusal, RefusalCode, type QueryLimit } from './refusal.js';

// The armor rules throw out of `validate()` by default; reporting instead lets graphql-js collect the error
// like any other validation error, which both transports then answer as GRAPHQL_VALIDATION_FAILED.
function reportAs(limit: QueryLimit) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const message = error.message.replace(/^Syntax Error: /, '');
    const refused = refusal(RefusalCode.GRAPHQL_VALIDATION_FAILED, message, { limit });
    // The rules always pass their context when run by validate(); without one, refuse by throwing.
    if (!context) throw refused;
    context.reportError(refused);
  };
}

const armorDefaults = { exposeLimits: true, propagateOnRejection: false } as const;

/**
 * Depth, aliases and directives (graphql-armor) and cost, as validation rules: the same list on HTTP and on
 * WebSocket. `variables`, when known at validation (WebSocket), price variable page sizes.
 */
export function queryLimitRules(
  limits: RequestLimits = requestLimits,
  variables?: Readonly<Record<string, unknown>> | null,
): ValidationRule[] {
  return [
    maxDepthRule({
      ...armorDefaults,
      n: limits.maxDepth,
      flattenFragments: true,
      onReject: [reportAs('depth')],
    }),
    // armor skips `__typename` aliases unless the allow list is emptied: a thousand of them cost real work.
    maxAliasesRule({
      ...armorDefaults,
      n: limits.maxAliases,
      allowList: [],
      onReject: [reportAs('aliases')],
    }),
    maxDirectivesRule({ ...armorDefaults, n: limits.maxDirectives, onReject: [reportAs('directives')] }),
    costRule(limits, variables),
  ];
}

/**
 * Apollo Server validates once per document, without variables: this prices the operation again with the
 * request's variables once it is resolved, still before any resolver runs.
 */
export function variableCostPlugin<TContext extends object>(
  limits: RequestLimits = requestLimits,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation || !request.variables || Object.keys(request.variables).length === 0) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION)
              fragments.set(definition.name.value, definition);
          }
          const cost = operationCost(
            schema,
            operation,
            (name) => fragments.get(name),
            request.variables,
            limits,
          );
          if (cost > limits.maxCost) {
            throw refusal(
              RefusalCode.GRAPHQL_VALIDATION_FAILED,
              `Query cost limit of ${limits.maxCost} exceeded, found ${cost}.`,
              { limit: 'cost', http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
