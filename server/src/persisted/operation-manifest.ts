import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { requestLimits } from '../config/limits.js';

/** The operations of Quorum's own client and SDK, one `.graphql` file or more per area. */
export const operationsDir = path.resolve(import.meta.dirname, '../../../schema/operations');

/** Distinct query texts remembered as known or not; past it the oldest is parsed again when it returns. */
const textsKept = 1_000;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The operations the server knows, read from `schema/operations/**\/*.graphql` when it starts, so that the
 * manifest cannot lag behind the files (no generated copy to forget). Each operation is known as the
 * document its client sends: the operation followed by the fragments it uses (by name), printed by graphql-js, with
 * and without the `__typename` fields Apollo Client's cache adds to every selection set. A hash of either
 * text finds the text (Apollo's automatic persisted queries protocol, `extensions.persistedQuery`).
 *
 * A request that carries the text itself is known when its document has the shape of a known one:
 * the same definitions, whatever their order, spacing, commas or `__typename` fields. The hash of an
 * exact text is only a shortcut, so that a client printing the same document a little differently is
 * asked for its text once rather than refused.
 */
export class OperationManifest {
  private readonly texts = new Map<string, string>();
  private readonly shapes = new Set<string>();
  private readonly checked = new Map<string, boolean>();

  /**
   * `group` scopes fragment names: each folder of schema/operations is one set of documents for codegen (the
   * client's, the SDK's), and two sets may each have a fragment of the same name.
   */
  constructor(sources: readonly { name: string; group: string; body: string }[]) {
    const groups = new Map<
      string,
      { operations: OperationDefinitionNode[]; fragments: Map<string, FragmentDefinitionNode> }
    >();
    for (const source of sources) {
      let document: DocumentNode;
      try {
        document = parse(source.body, { noLocation: true });
      } catch (error) {
        throw new Error(`${source.name} is not a GraphQL document: ${(error as Error).message}`);
      }
      let group = groups.get(source.group);
      if (!group) groups.set(source.group, (group = { operations: [], fragments: new Map() }));
      for (const definition of document.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION) group.operations.push(definition);
        else if (definition.kind === Kind.FRAGMENT_DEFINITION)
          group.fragments.set(definition.name.value, definition);
      }
    }
    for (const { operations, fragments } of groups.values()) {
      for (const operation of operations) {
        const document: DocumentNode = {
          kind: Kind.DOCUMENT,
          definitions: [operation, ...fragmentsUsed(operation, fragments)],
        };
        for (const text of [print(document), print(addTypename(document))])
          this.texts.set(sha256(text), text);
        this.shapes.add(shape(document));
      }
    }
  }

  /** Reads every `.graphql` file under `dir` (none when it does not exist). */
  static fromDirectory(dir: string = operationsDir): OperationManifest {
    let files: string[];
    try {
      files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
        file.endsWith('.graphql'),
      );
    } catch {
      files = [];
    }
    return new OperationManifest(
      files.sort().map((file) => ({
        name: file,
        group: path.dirname(file).split(path.sep)[0]!,
        body: readFileSync(path.join(dir, file), 'utf8'),
      })),
    );
  }

  /** Documents known by their sha256 (two texts of each operation). */
  get size(): number {
    return this.texts.size;
  }

  /** The text of a known document by the sha256 of its text. */
  lookup(hash: string): string | undefined {
    return this.texts.get(hash);
  }

  /** Whether a query text is a known operation (see the class's comment). */
  knows(query: string): boolean {
    if (this.texts.has(sha256(query))) return true;
    let known = this.checked.get(query);
    if (known === undefined) {
      try {
        known = this.shapes.has(
          shape(parse(query, { noLocation: true, maxTokens: requestLimits.maxTokens })),
        );
      } catch {
        known = false;
      }
      if (this.checked.size >= textsKept) this.checked.delete(this.checked.keys().next().value!);
      this.checked.set(query, known);
    }
    return known;
  }
}

/**
 * The fragments an operation spreads, directly or through other fragments, in the order of their names: the
 * order Quorum's client puts them in before it hashes a document (client/src/apollo/client.ts), since code
 * generators order them each their own way.
 */
function fragmentsUsed(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const used: FragmentDefinitionNode[] = [];
  const seen = new Set<string>();
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (seen.has(name) || !fragment) return;
        seen.add(name);
        used.push(fragment);
        walk(fragment);
      },
    });
  walk(operation);
  return used.sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0));
}

/** Apollo Client's `addTypenameToDocument` (utilities/graphql/transform.js), so that hashes match its texts. */
function addTypename(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      enter(node: SelectionSetNode, _key, parent) {
        if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
        const skip = node.selections.some(
          (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
        );
        if (skip) return undefined;
        if (
          parent &&
          'kind' in parent &&
          parent.kind === Kind.FIELD &&
          parent.directives?.some((directive) => directive.name.value === 'export')
        )
          return undefined;
        return {
          ...node,
          selections: [
            ...node.selections,
            { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
          ],
        };
      },
    },
  });
}

/** A document without what does not change its meaning to us: order of definitions, layout, `__typename`. */
function shape(document: DocumentNode): string {
  const bare = visit(document, {
    Field(field) {
      return field.name.value === '__typename' && !field.alias ? null : undefined;
    },
  });
  return bare.definitions
    .map((definition) => print(definition))
    .sort()
    .join('\n');
}
