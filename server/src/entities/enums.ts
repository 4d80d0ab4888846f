// Registers every shared enum with type-graphql once, under its own name and with its descriptions, so
// entities and inputs can use them and the schema documents them.
import { enumDescriptions, enums, type EnumDescription, type SharedEnumName } from '@quorum/shared';
import { registerEnumType } from 'type-graphql';

/** Registers an enum with its description and its values', as `EnumDescription` states them. */
export function registerDescribedEnum<E extends object>(
  values: E,
  name: string,
  { description, values: valueDescriptions }: EnumDescription<E>,
): void {
  const valuesConfig = Object.fromEntries(
    Object.entries(valueDescriptions).map(([value, text]) => [value, { description: text as string }]),
  ) as Partial<Record<keyof E, { description: string }>>;
  registerEnumType(values, { name, description, valuesConfig });
}

for (const name of Object.keys(enumDescriptions) as SharedEnumName[])
  registerDescribedEnum(enums[name], name, enumDescriptions[name] as EnumDescription<object>);

export * from '@quorum/shared';
