import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ExportFormatEnum {
  CYPHER = 'cypher',
  JSON = 'json',
  CSV = 'csv.zip',
  GRAPHML = 'graphml',
}

registerEnumType(ExportFormatEnum, {
  name: 'ExportFormat',
  description: 'CYPHER: a script an empty Neo4j runs to get the same graph. JSON: zanjir/1, re-importable. CSV: neo4j-admin import files, zipped (download only). GRAPHML: for Gephi, networkx, igraph.',
});

@ObjectType('ExportResult')
export class ExportResultType {
  @Field(() => ExportFormatEnum) format!: ExportFormatEnum;
  @Field(() => String, { nullable: true, description: 'The document itself for CYPHER, JSON and GRAPHML up to the inline size cap; null for CSV.' })
  document!: string | null;
  @Field(() => String, { description: 'Where the same export streams as a download (a path on this server).' })
  downloadUrl!: string;
  @Field(() => Int, { description: 'Nodes and edges written.' }) records!: number;
  @Field(() => Int, { description: 'Size of the document in bytes (0 for CSV).' }) bytes!: number;
  @Field(() => Boolean, { description: 'A subgraph export left nodes out because they lie beyond maxDepth.' }) depthLimited!: boolean;
  @Field(() => Int, { description: 'How many nodes lie at maxDepth + 1, the nearest depth the export left out.' }) nodesAtNextDepth!: number;
  @Field(() => Boolean, { description: 'A subgraph export stopped at the node cap (maxNodes, nearest tiers first).' }) truncated!: boolean;
}
