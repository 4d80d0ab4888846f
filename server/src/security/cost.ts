import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { requestLimits, type RequestLimits } from '../config/limits.js';
import { refusal, RefusalCode } from './refusal.js';

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/**
 * What an operation may cost at most: every field costs 1 plus its selection, and a field that takes `first`
 * (a connection) multiplies that by the page size it asks for: the literal, the variable's value or default,
 * or the resolvers' default page size when absent. Unknown fields cost 1 (validation refuses them), and a
 * fragment spread inside itself adds nothing (NoFragmentCycles refuses it).
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: (name: string) => FragmentDefinitionNode | undefined | null,
  variables: Variables,
  limits: RequestLimits = requestLimits,
): number {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }

  const pageSize = (value: ValueNode): number => {
    let literal: ValueNode | undefined = value;
    if (value.kind === Kind.VARIABLE) {
      const given = variables?.[value.name.value];
      if (typeof given === 'number')
        return Number.isInteger(given) && given >= 0 ? given : limits.pageSizeDefault;
      literal = given === undefined ? defaults.get(value.name.value) : undefined;
    }
    if (literal?.kind !== Kind.INT) return limits.pageSizeDefault;
    const size = Number(literal.value);
    return size >= 0 ? size : limits.pageSizeDefault;
  };

  // A fragment costs the same wherever it is spread: computed once, or a document that spreads each fragment
  // twice in the next would take exponential time to price.
  const fragmentCosts = new Map<string, number>();
  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments(name);
    if (!fragment) return 0;
    fragmentCosts.set(name, 0); // a spread of itself, further down, adds nothing
    const cost = selectionCost(
      fragment.selectionSet,
      schema.getType(fragment.typeCondition.name.value) ?? undefined,
    );
    fragmentCosts.set(name, cost);
    return cost;
  };

  const selectionCost = (selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : undefined;
        const definition = fields?.[selection.name.value];
        if (selection.name.value === '__typename' || !definition) {
          cost += 1;
          continue;
        }
        const children = selection.selectionSet
          ? selectionCost(selection.selectionSet, getNamedType(definition.type))
          : 0;
        const paged = definition.args.some((arg) => arg.name === 'first');
        const first = selection.arguments?.find((arg) => arg.name.value === 'first');
        const multiplier = !paged ? 1 : first ? pageSize(first.value) : limits.pageSizeDefault;
        cost += (1 + children) * multiplier;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        cost += selectionCost(selection.selectionSet, narrowed ?? undefined);
      } else {
        cost += fragmentCost(selection.name.value);
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return selectionCost(operation.selectionSet, root ?? undefined);
}

/**
 * The cost limit as a validation rule. Apollo Server validates without variables (and caches the result per
 * document), so there a variable page size counts at its default and the operation is checked again with
 * the request's variables before it runs (`variableCostPlugin`); graphql-ws passes them here directly.
 */
export function costRule(limits: RequestLimits = requestLimits, variables?: Variables): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const cost = operationCost(
        context.getSchema(),
        operation,
        (name) => context.getFragment(name),
        variables,
        limits,
      );
      if (cost > limits.maxCost) {
        context.reportError(
          refusal(
            RefusalCode.GRAPHQL_VALIDATION_FAILED,
            `Query cost limit of ${limits.maxCost} exceeded, found ${cost}.`,
            {
              limit: 'cost',
            },
          ),
        );
      }
    },
  });
}
