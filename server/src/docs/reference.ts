import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  astFromValue,
  print,
} from 'graphql';
import type MarkdownIt from 'markdown-it';
import { escapeHtml } from './html.js';

/** The reference's table of contents and body, HTML. */
export interface Reference {
  toc: string;
  body: string;
}

const kinds = [
  { test: isObjectType, id: 'objects', title: 'Object types' },
  { test: isInterfaceType, id: 'interfaces', title: 'Interfaces' },
  { test: isUnionType, id: 'unions', title: 'Unions' },
  { test: isInputObjectType, id: 'inputs', title: 'Input types' },
  { test: isEnumType, id: 'enums', title: 'Enums' },
  { test: isScalarType, id: 'scalars', title: 'Scalars' },
] as const;

/**
 * The API reference, generated from the schema the server runs (so it is never behind it): the root fields
 * with their arguments, then every type by kind, each with an anchor (`#Meeting`, `#Meeting.title`,
 * `#Query.meetings`, `#MeetingStatus.SCHEDULED`) and every type name linked to its entry. Descriptions are
 * the schema's own, in English, rendered as the Markdown the GraphQL specification allows in them.
 */
export function renderReference(schema: GraphQLSchema, md: InstanceType<typeof MarkdownIt>): Reference {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
    (type) => type != null,
  );
  const rootNames = new Set(roots.map((type) => type.name));
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !rootNames.has(type.name))
    .sort((a, b) => a.name.localeCompare(b.name));

  const description = (text: string | null | undefined) =>
    text ? `<div class="description">${md.render(text)}</div>` : '';
  const deprecation = (reason: string | null | undefined) =>
    reason ? `<p class="deprecated"><strong>Deprecated.</strong> ${md.renderInline(reason)}</p>` : '';

  const sections: string[] = [];
  const toc: string[] = [];

  for (const root of roots) {
    const fields = Object.values(root.getFields());
    toc.push(
      `<li><a href="#${root.name}">${root.name}</a> (${fields.length})<ul class="columns">${fields
        .map((field) => `<li><a href="#${root.name}.${field.name}"><code>${field.name}</code></a></li>`)
        .join('')}</ul></li>`,
    );
    sections.push(
      `<section aria-labelledby="${root.name}"><h2 id="${root.name}">${root.name}</h2>${description(root.description)}${fields
        .map((field) => rootField(root.name, field))
        .join('')}</section>`,
    );
  }
  for (const kind of kinds) {
    const ofKind = types.filter((type) => kind.test(type));
    if (ofKind.length === 0) continue;
    toc.push(
      `<li><a href="#${kind.id}">${kind.title}</a> (${ofKind.length})<ul class="columns">${ofKind
        .map((type) => `<li><a href="#${type.name}"><code>${type.name}</code></a></li>`)
        .join('')}</ul></li>`,
    );
    sections.push(
      `<section aria-labelledby="${kind.id}"><h2 id="${kind.id}">${kind.title}</h2>${ofKind
        .map((type) => namedType(type))
        .join('')}</section>`,
    );
  }
  return { toc: `<ul>${toc.join('')}</ul>`, body: sections.join('') };

  function typeRef(type: GraphQLType): string {
    if (isNonNullType(type)) return `${typeRef(type.ofType)}!`;
    if (isListType(type)) return `[${typeRef(type.ofType)}]`;
    return `<a href="#${type.name}">${type.name}</a>`;
  }

  function defaultValue(arg: GraphQLArgument | GraphQLInputField): string {
    if (arg.defaultValue === undefined) return '';
    const ast = astFromValue(arg.defaultValue, arg.type);
    return ast ? ` = ${escapeHtml(print(ast))}` : '';
  }

  function argumentList(args: readonly GraphQLArgument[]): string {
    if (args.length === 0) return '';
    return `<dl class="arguments">${args
      .map(
        (arg) =>
          `<dt><code>${arg.name}: ${typeRef(arg.type)}${defaultValue(arg)}</code></dt><dd>${description(arg.description)}${deprecation(arg.deprecationReason)}</dd>`,
      )
      .join('')}</dl>`;
  }

  function signature(field: GraphQLField<unknown, unknown>): string {
    const args = field.args.map((arg) => `${arg.name}: ${typeRef(arg.type)}${defaultValue(arg)}`);
    const list =
      args.length === 0 ? '' : args.length > 2 ? `(\n  ${args.join(',\n  ')}\n)` : `(${args.join(', ')})`;
    return `${field.name}${list}: ${typeRef(field.type)}`;
  }

  function rootField(rootName: string, field: GraphQLField<unknown, unknown>): string {
    const id = `${rootName}.${field.name}`;
    return `<article class="entry"><h3 id="${id}"><code>${field.name}</code> <a class="anchor" href="#${id}" aria-label="Link to ${id}">#</a></h3><pre><code>${signature(field)}</code></pre>${description(field.description)}${deprecation(field.deprecationReason)}${
      field.args.length > 0 ? `<h4>Arguments</h4>${argumentList(field.args)}` : ''
    }</article>`;
  }

  function fieldList(type: GraphQLNamedType): string {
    if (isObjectType(type) || isInterfaceType(type)) {
      return `<dl class="fields">${Object.values(type.getFields())
        .map(
          (field) =>
            `<dt id="${type.name}.${field.name}"><code>${signature(field)}</code></dt><dd>${description(field.description)}${deprecation(field.deprecationReason)}${argumentList(field.args)}</dd>`,
        )
        .join('')}</dl>`;
    }
    if (isInputObjectType(type)) {
      return `<dl class="fields">${Object.values(type.getFields())
        .map(
          (field) =>
            `<dt id="${type.name}.${field.name}"><code>${field.name}: ${typeRef(field.type)}${defaultValue(field)}</code></dt><dd>${description(field.description)}${deprecation(field.deprecationReason)}</dd>`,
        )
        .join('')}</dl>`;
    }
    if (isEnumType(type)) {
      return `<dl class="fields">${type
        .getValues()
        .map(
          (value) =>
            `<dt id="${type.name}.${value.name}"><code>${value.name}</code></dt><dd>${description(value.description)}${deprecation(value.deprecationReason)}</dd>`,
        )
        .join('')}</dl>`;
    }
    if (isUnionType(type)) {
      return `<p>One of: ${type
        .getTypes()
        .map((member) => typeRef(member))
        .join(', ')}</p>`;
    }
    return type.specifiedByURL ? `<p>Specified by ${escapeHtml(type.specifiedByURL)}</p>` : '';
  }

  function namedType(type: GraphQLNamedType): string {
    const interfaces =
      (isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().length > 0
        ? `<p>Implements ${type
            .getInterfaces()
            .map((face) => typeRef(face))
            .join(', ')}</p>`
        : '';
    return `<article class="entry"><h3 id="${type.name}"><code>${type.name}</code> <a class="anchor" href="#${type.name}" aria-label="Link to ${type.name}">#</a></h3>${description(type.description)}${interfaces}${fieldList(type)}</article>`;
  }
}
