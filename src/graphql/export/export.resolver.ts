import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { requireRole, type Context } from '../../context.js';
import type { NodeKind } from '../../model/kinds.js';
import { NodeKindEnum, WalkDirection } from '../common/enums.js';
import { exportGraphInline } from '../../services/export.js';
import { ExportFormatEnum, ExportResultType } from './export.type.js';

@Resolver()
export class ExportResolver {
  @Query(() => ExportResultType, { description: 'The whole graph, or the subgraph upstream or downstream of rootId (the whole chain unless maxDepth, up to maxNodes; the file says what cut it), in a research format. Needs the researcher role.' })
  exportGraph(
    @Arg('format', () => ExportFormatEnum) format: ExportFormatEnum,
    @Ctx() ctx: Context,
    @Arg('rootId', () => ID, { nullable: true }) rootId?: string,
    @Arg('direction', () => WalkDirection, { nullable: true, defaultValue: WalkDirection.UPSTREAM }) direction?: WalkDirection,
    @Arg('maxDepth', () => Int, { nullable: true }) maxDepth?: number,
    @Arg('kinds', () => [NodeKindEnum], { nullable: true }) kinds?: NodeKindEnum[],
    @Arg('maxNodes', () => Int, { nullable: true, description: 'The most nodes a subgraph export holds (default and at most 100000).' }) maxNodes?: number,
  ) {
    requireRole(ctx, 'export');
    return exportGraphInline(ctx, { rootId, direction, maxDepth, maxNodes, kinds: (kinds as unknown as NodeKind[] | undefined) ?? null }, format);
  }
}
