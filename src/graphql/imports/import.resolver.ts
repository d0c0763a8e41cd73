import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole, type Context } from '../../context.js';
import { importSources } from '../../io/importer.js';
import { Edits } from '../../io/edits.js';
import { documentSource } from '../../io/sources.js';
import { checkDatasetName } from '../../io/datasets.js';
import { JSONScalar } from '../common/scalars.js';
import { ImportResultType } from './import-result.type.js';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResultType, {
    description:
      'Imports a zanjir/1 document, all or nothing. A bad document is refused with IMPORT_INVALID and extensions.problems listing every bad record by position; nothing is written.',
  })
  async importGraph(
    @Arg('document', () => JSONScalar) document: unknown,
    @Ctx() ctx: Context,
    @Arg('dataset', () => String, { nullable: true, description: 'Record the import as this data set (default: "document", numbered when taken). A taken name is refused (DATASET_EXISTS).' }) dataset?: string,
  ) {
    requireRole(ctx, 'import');
    if (dataset !== undefined && dataset !== null) checkDatasetName(dataset);
    const summary = await importSources(ctx.executor, [documentSource(document)], { dataset: { name: dataset ?? null, by: ctx.principal.subject } });
    const counts = `nodes ${summary.nodes.created} created, ${summary.nodes.updated} updated; edges ${summary.edges.created} created, ${summary.edges.updated} updated`;
    await new Edits(ctx.executor).record(ctx.principal.subject, 'IMPORT', `imported a document through GraphQL: ${counts}`);
    return summary;
  }
}
