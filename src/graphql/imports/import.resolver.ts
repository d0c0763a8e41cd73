import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole, type Context } from '../../context.js';
import { importSources } from '../../io/importer.js';
import { documentSource } from '../../io/sources.js';
import { JSONScalar } from '../common/scalars.js';
import { ImportResultType } from './import-result.type.js';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResultType, {
    description:
      'Imports a zanjir/1 document, all or nothing. A bad document is refused with IMPORT_INVALID and extensions.problems listing every bad record by position; nothing is written.',
  })
  importGraph(@Arg('document', () => JSONScalar) document: unknown, @Ctx() ctx: Context) {
    requireRole(ctx, 'admin', 'importGraph');
    return importSources(ctx.executor, [documentSource(document)]);
  }
}
