import { type Change, ChangeType, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema, isInterfaceType, isObjectType } from 'graphql';

/** A change of the schema between two versions, in one line: what it is and how it affects clients. */
export interface SchemaChange {
  level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  message: string;
  path: string | undefined;
  /** A breaking removal of what the base had already deprecated: allowed (it was announced). */
  announced: boolean;
}

/** Whether the base deprecated the field at `path` ("Type.field"), so that its removal was announced. */
function deprecatedInBase(base: GraphQLSchema, path: string | undefined): boolean {
  if (!path) return false;
  const [typeName, fieldName] = path.split('.');
  const type = typeName ? base.getType(typeName) : undefined;
  if (!fieldName || !(isObjectType(type) || isInterfaceType(type))) return false;
  return !!type.getFields()[fieldName]?.deprecationReason;
}

/**
 * The changes from the base schema to the next (graphql-inspector's diff), each with its criticality. A field
 * removed after the base deprecated it is breaking but announced (the API's rule: deprecate first, remove
 * later); every other breaking change fails the check (`schema:check`).
 */
export async function schemaChanges(baseSdl: string, nextSdl: string): Promise<SchemaChange[]> {
  const base = buildSchema(baseSdl);
  const changes: Change[] = await diff(base, buildSchema(nextSdl));
  return changes.map((change) => ({
    level: change.criticality.level as SchemaChange['level'],
    message: change.message,
    path: change.path,
    announced:
      change.criticality.level === CriticalityLevel.Breaking &&
      change.type === ChangeType.FieldRemoved &&
      deprecatedInBase(base, change.path),
  }));
}

/** The breaking changes that were not announced by a deprecation: what `schema:check` refuses. */
export const unannounced = (changes: readonly SchemaChange[]) =>
  changes.filter((change) => change.level === 'BREAKING' && !change.announced);
