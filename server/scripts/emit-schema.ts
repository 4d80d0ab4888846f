// Writes the SDL to schema/schema.graphql; a test fails when the committed file is stale.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { printSdl } from '../src/schema.js';

const target = path.resolve(import.meta.dirname, '../../schema/schema.graphql');
await writeFile(target, await printSdl());
console.log(`Wrote ${target}`);
