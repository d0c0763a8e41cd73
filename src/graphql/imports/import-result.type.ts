import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ImportCounts')
export class ImportCountsType {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
}

@ObjectType('ImportResult', { description: 'What an import changed. Importing the same document again creates and updates nothing.' })
export class ImportResultType {
  @Field(() => String) homeCountry!: string;
  @Field(() => ImportCountsType) nodes!: ImportCountsType;
  @Field(() => ImportCountsType) edges!: ImportCountsType;
  @Field(() => Int) durationMs!: number;
  @Field(() => String, { description: 'The data set the import is recorded as (see `datasets`).' }) dataset!: string;
  @Field(() => String, { description: 'sha256 of its records (each record’s JSON, in order).' }) checksum!: string;
}
