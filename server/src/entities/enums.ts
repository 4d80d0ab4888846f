// Registers every shared enum with type-graphql once, under its own name, so entities and inputs can use them.
import { enums } from '@quorum/shared';
import { registerEnumType } from 'type-graphql';

for (const [name, values] of Object.entries(enums)) registerEnumType(values, { name });

export * from '@quorum/shared';
