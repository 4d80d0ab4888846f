import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { UnitKind } from './enums.js';
import { Organization } from './organization.entity.js';

/** A committee, a department or the office; units nest (a standing board inside an executive committee). */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    'A committee, a department or the office of the organization; units nest (a standing board inside an executive committee).',
})
@Index({ properties: ['organization', 'kind'] })
export class Unit extends BaseEntity {
  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  @Field(() => String, { description: 'Its full name, e.g. "Ban Tổ chức Tỉnh ủy".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'An abbreviation for lists and badges; null when it has none.',
  })
  @Property({ type: 'text', nullable: true })
  shortName?: string;

  @Field(() => UnitKind, {
    description:
      'COMMITTEE (it meets), DEPARTMENT (drafts and appraises proposals) or OFFICE (prepares the sessions).',
  })
  @Enum({ items: () => UnitKind, type: 'text' })
  kind!: UnitKind;

  @ManyToOne(() => Unit, { ref: true, nullable: true })
  parent?: Ref<Unit>;
}
