import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { PageArgs } from '../resolvers/types/connection.js';

/**
 * type-graphql checks every argument in an async function, so a field resolver that takes arguments always
 * answers a promise, and so does every object above it. A nested connection (a proposal's appraisals, an
 * appraisal's comments) takes only a page (`PageArgs`: two scalars, no rule to check; `pageSize` refuses a
 * negative one): its resolver method is called directly, with the arguments graphql-js has already coerced,
 * and answers at once when the read path has its rows (prefetch.ts). Called on the built schema before the
 * guards are put on it.
 */
export function syncPageFields(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const resolver of storage.fieldResolvers) {
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    const direct = params.every(
      (param) =>
        (param.kind === 'context' && !param.propertyName) ||
        param.kind === 'info' ||
        (param.kind === 'root' && !param.propertyName && !param.getType) ||
        (param.kind === 'args' && param.getType() === PageArgs),
    );
    if (resolver.kind !== 'external' || !params.some((param) => param.kind === 'args') || !direct) continue;
    const owner = resolver.getObjectType?.();
    const typeName = storage.objectTypes.find((objectType) => objectType.target === owner)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!field) continue;
    const instance = new (resolver.target as new () => Record<string, (...args: unknown[]) => unknown>)();
    const method = instance[resolver.methodName]!.bind(instance);
    const resolve: GraphQLFieldResolver<unknown, unknown> = (root, args, context, info) =>
      method(
        ...params.map((param) =>
          param.kind === 'root'
            ? root
            : param.kind === 'args'
              ? args
              : param.kind === 'context'
                ? context
                : info,
        ),
      );
    field.resolve = resolve;
  }
  return schema;
}
