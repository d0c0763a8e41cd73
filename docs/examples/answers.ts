// How the README (and the other docs) tell each example's answer: one renderer per query in
// docs/examples/, turning the live answer on the seed graph into the markdown between the
// `<!-- example NAME -->` … `<!-- /example -->` markers. Every figure, table and path in those
// blocks comes from here, so `npm run docs:examples` rewrites them and test/docs-examples.test.ts
// fails when a committed block differs from what the code answers now. Where a sentence needs a
// second question (the other cars, a single supplier's cut-off), the renderer asks it with `ask`,
// and the query is right here to read.

export type Ask = (query: string, variables?: Record<string, unknown>) => Promise<any>;
export type Renderer = (data: any, ask: Ask) => Promise<string>;

// ---- formatting ----------------------------------------------------------------------------

const en = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** 0.1403 → "0.140". */
const share3 = (x: number) => x.toFixed(3);
const share4 = (x: number) => x.toFixed(4);
const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)} %`;
/** 119,500,000 → "119.5 M"; 33,660 → "33,660". */
const tonnes = (n: number) => (Math.abs(n) >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : en(Math.round(n)));
const signed = (n: number, f: (x: number) => string) => (n < 0 ? `**−${f(-n)}**` : `+${f(n)}`);
const usdM = (n: number, digits = 1) => (n / 1e6).toFixed(digits).replace(/\.0+$/, digits > 1 ? '' : '.0');
/** Names are proper nouns as often as not ("ABS module", "Mobarakeh Steel"), so they stay as written. */
const lower = (s: string) => s;
const sixCars = (n: number) => (n === 6 ? 'all six cars' : `${n} of the six cars`);

function table(headers: string[], rows: (string | number)[][]): string {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function countBy<T>(xs: T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

/** A shortest path along the walk's own edges, from `from` to `to` (either direction of travel). */
function pathIn(edges: { from: string; to: string }[], start: string, goal: string, direction: 'up' | 'down'): string[] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const [a, b] = direction === 'down' ? [e.from, e.to] : [e.to, e.from];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const previous = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === goal) break;
    for (const n of (next.get(at) ?? []).sort()) {
      if (!previous.has(n)) {
        previous.set(n, at);
        queue.push(n);
      }
    }
  }
  if (!previous.has(goal)) return [];
  const path = [goal];
  while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
  return path;
}

const KIND_PLURAL: Record<string, string> = { PLANT: 'plants', PRODUCT: 'products', MINE: 'mines', SUPPLIER: 'suppliers', PART: 'parts', PROJECT: 'projects', SOURCE: 'sources' };

function kindCounts(nodes: { kind: string }[]): string {
  const name = (k: string, n: number) => (n === 1 ? (KIND_PLURAL[k] ?? k.toLowerCase()).replace(/s$/, '') : (KIND_PLURAL[k] ?? k.toLowerCase()));
  return [...countBy(nodes, (n) => n.kind)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${n} ${name(k, n)}`).join(', ');
}

const CARS = ['product:peugeot-pars', 'product:peugeot-207i', 'product:dena-plus', 'product:runna-plus', 'product:tara', 'product:samand-soren'];

// ---- the examples ----------------------------------------------------------------------------

export const ANSWERS: Record<string, Renderer> = {
  '01-upstream-hot-rolled-coil': async ({ upstream }) => {
    const nodes = upstream.nodes as { id: string; kind: string; name: string; depth: number }[];
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const mines = nodes.filter((n) => n.kind === 'MINE');
    const ironMines = mines.filter((m) => /iron/i.test(m.name));
    const nearest = [...ironMines].sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id))[0]!;
    const farthest = Math.max(...ironMines.map((m) => m.depth));
    const path = pathIn(upstream.edges, upstream.nodes[0].id, nearest.id, 'up').map((id) => byId.get(id)!.name);
    return (
      `${nodes.length} nodes (${kindCounts(nodes)}) and ${upstream.edges.length} edges${upstream.truncated ? ' (cut by maxNodes)' : ''}${upstream.depthLimited ? ', and more beyond maxDepth' : ', the whole upstream'}. ` +
      `The iron ore mines are ${nearest.depth}${farthest > nearest.depth ? `–${farthest}` : ''} hops away; the nearest, ${nearest.name}, by way of ` +
      `${path.map(lower).join(' ← ')}.`
    );
  },

  '02-downstream-gol-e-gohar': async ({ downstream }) => {
    const nodes = downstream.nodes as { id: string; kind: string; name: string; depth: number }[];
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const cars = nodes.filter((n) => CARS.includes(n.id)).sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id));
    const first = cars[0];
    const path = first ? pathIn(downstream.edges, downstream.nodes[0].id, first.id, 'down').map((id) => byId.get(id)!.name) : [];
    const deepest = [...nodes].sort((a, b) => b.depth - a.depth || a.id.localeCompare(b.id))[0]!;
    const toDeepest = pathIn(downstream.edges, downstream.nodes[0].id, deepest.id, 'down').map((id) => byId.get(id)!.name);
    const cut = downstream.depthLimited ? ` ${downstream.nodesBeyondDepth} more nodes lie beyond maxDepth (\`depthLimited\`).` : ' Nothing lies beyond: `depthLimited` is false.';
    return (
      `${nodes.length} nodes (${kindCounts(nodes)}), reaching ${sixCars(cars.length)}` +
      (first ? `, the first at depth ${first.depth}: ${path.map(lower).join(' → ')}. ` : '. ') +
      `The deepest, at ${deepest.depth} hops, is ${deepest.name}: ${toDeepest.join(' → ')}.` +
      cut
    );
  },

  '03-import-reliant-links-pars': async ({ importReliantLinks }) => {
    const rows = [...importReliantLinks].sort((a: any, b: any) => b.contribution - a.contribution || a.item.id.localeCompare(b.item.id));
    return (
      `${rows.length} links, largest contribution first:\n\n` +
      table(
        ['item', 'direct import share', 'countries', "contribution to the car's import content"],
        rows.map((l: any) => [lower(l.item.name), `${l.directImportShare.toFixed(2)}${l.onlyForeign ? ' (only foreign)' : ''}`, l.countries.join(', '), share4(l.contribution)]),
      )
    );
  },

  '04-import-content-pars': async ({ importContent: r }, ask) => {
    const top = [...r.contributions].sort((a: any, b: any) => b.share - a.share).slice(0, 6);
    const codes = [...new Set(r.assumptions.map((a: any) => a.code as string))].sort();
    const others: string[] = [];
    for (const id of CARS.filter((c) => c !== 'product:peugeot-pars')) {
      const o = await ask('query ($id: ID!) { importContent(id: $id) { item { name } totalImportContent } }', { id });
      others.push(`${o.importContent.item.name} ${share3(o.importContent.totalImportContent)}`);
    }
    return (
      `\`totalImportContent\` ${share3(r.totalImportContent)} (domestic content ${share3(r.domesticContent)}); ` +
      `${r.directImportShare === 0 ? 'none of the car is imported directly; ' : `${share3(r.directImportShare)} is imported directly; `}` +
      `the imports enter through ${top.map((c: any) => `${lower(c.item.name)} (${share3(c.share)})`).join(', ')}… ` +
      `The answer lists every fallback it used (${codes.map((c) => `\`${c}\``).join(', ')}) with the node it applied to. ` +
      `The other cars: ${others.join(', ')}.`
    );
  },

  '05-import-content-steel-and-copper': async ({ coil, harness }) => {
    const tops = (r: any, n: number) => [...r.contributions].sort((a: any, b: any) => b.share - a.share).slice(0, n);
    const describe = (r: any, n: number) => tops(r, n).map((c: any) => `${lower(c.item.name)} ${share3(c.share)}`).join(', ');
    return `Coil ${share3(coil.totalImportContent)}: ${describe(coil, 5)}. Harness ${share3(harness.totalImportContent)}: ${describe(harness, 3)}.`;
  },

  '06-value-flows-pars': async ({ valueFlows: v }) => {
    const nodes = (v.nodes as any[]).filter((n) => n.role === 'NODE' && n.key !== 'product:peugeot-pars' && n.key !== v.nodes[0]?.key);
    const inputs = [...nodes].sort((a, b) => b.value - a.value).slice(0, 5);
    const added = (v.nodes as any[]).find((n) => n.role === 'VALUE_ADDED');
    return (
      `Of the car's $${en(v.total)}, $${en(v.imported)} is imported (${share3(v.importedShare)}, the same t as \`importContent\`). ` +
      `The largest inputs: ${inputs.map((n) => `${lower(n.name)} $${en(n.value)} (${pct(n.importShare)} imported)`).join(', ')}` +
      `${added ? `; $${en(added.value)} is added where the car is assembled` : ''}. ` +
      `Nodes under 2 % of the value are gathered into "Other imports" / "Other, made at home" beside what they feed; ` +
      `${v.cutLoops} scrap-recycling loop${v.cutLoops === 1 ? ' is' : 's are'} cut so the picture stays a Sankey. \`/view/flows?id=product:peugeot-pars\` draws it.`
    );
  },

  '07-disruption-china': async ({ disruption: d }, ask) => {
    const hit = d.finishedGoodsHit as { item: { id: string; name: string }; loss: number }[];
    const whole = hit.filter((h) => h.loss >= 1 - 1e-9);
    const cars = whole.filter((h) => CARS.includes(h.item.id));
    const partial = hit.filter((h) => h.loss < 1 - 1e-9).sort((a, b) => b.loss - a.loss);
    const single = await ask('{ disruption(scenario: { nodeIds: ["supplier:cn-aluminium-fluoride"] }) { finishedGoodsHit { item { id } loss } } }');
    const stoppedBySupplier = single.disruption.finishedGoodsHit.filter((h: any) => CARS.includes(h.item.id) && h.loss >= 1 - 1e-9).length;
    return (
      `${d.losses.length} items lose supply; ${hit.length} finished goods are hit. ${sixCars(cars.length).replace(/^a/, 'A')} lose everything (loss 1)` +
      `${partial.length ? `; ${partial.map((h) => `${lower(h.item.name)} ${h.loss.toFixed(2)}`).join(', ')}` : ''}. ` +
      `\`disruption(scenario: { nodeIds: ["supplier:cn-aluminium-fluoride"] })\` alone stops ${sixCars(stoppedBySupplier)}: it is the only modelled source of aluminium fluoride, so smelters, alloy ingot, castings and engines stop.`
    );
  },

  '08-chokepoints-pars': async ({ chokepoints }, ask) => {
    const all = await ask('{ chokepoints(id: "product:peugeot-pars", minImpact: 1) { node { id } } }');
    const names = (chokepoints as any[]).map((c) => c.node.name);
    return `${chokepoints.length} (of ${all.chokepoints.length} chokepoints counting the single-sourced items themselves): ${names.join('; ')}.`;
  },

  '09-steel-chain-balance': async ({ chainBalance }) =>
    table(
      ['item', 'home capacity (t/y)', 'imports', 'demand', 'balance'],
      (chainBalance as any[]).map((r) => [lower(r.item.name), tonnes(r.homeCapacity), tonnes(r.imports), tonnes(r.demand), signed(r.balance, tonnes)]),
    ),

  '10-parallel-work': async ({ parallelWork }) => {
    const rows = [...(parallelWork as any[])].sort((a, b) => b.ownerCount - a.ownerCount || a.item.name.localeCompare(b.item.name));
    return rows
      .map((p) => `${p.item.name} (${p.ownerCount} owners: ${[...new Set(p.projects.map((x: any) => x.owner as string))].join('; ')})`)
      .join(', ')
      .concat('.');
  },

  '11-articles-mentioning-sungun': async ({ node }) => {
    const sources = node.mentionedIn.map((m: any) => m.node);
    return sources
      .map((s: any) => {
        const others = s.mentions.map((m: any) => m.node).filter((n: any) => n.id !== 'mine:sungun');
        return `${s.title} (${s.publisher}), which also names ${others.length} other nodes: ${others.map((n: any) => lower(n.name)).join('; ')}.`;
      })
      .join('\n\n');
  },

  '12-electrode-suppliers': async ({ node }) => {
    const suppliers = [...node.suppliers].sort((a: any, b: any) => (b.edge.volumePerYear ?? 0) - (a.edge.volumePerYear ?? 0));
    const total = suppliers.reduce((s: number, x: any) => s + (x.edge.volumePerYear ?? 0), 0);
    const projects = node.localizedBy.map((l: any) => l.node);
    const byStatus = countBy(projects, (p: any) => p.status ?? 'unknown');
    return (
      `${en(total)} t a year from ${suppliers.length} suppliers: ` +
      `${suppliers.map((s: any) => `${s.node.name} (${s.edge.originCountry ?? s.node.country}) ${pct((s.edge.volumePerYear ?? 0) / total)} (${en(s.edge.volumePerYear ?? 0)} t)`).join(', ')}; ` +
      `sources: ${node.sources.map((s: any) => s.title).join('; ')}. ` +
      `${projects.length} localization projects: ${[...byStatus].sort().map(([s, n]) => `${n} ${s}`).join(', ')} — ` +
      `${projects.map((p: any) => `${p.name} (${p.owner}, ${p.status}${p.progress !== null && p.progress !== undefined ? `, ${pct(p.progress, 0)}` : ''})`).join('; ')}.`
    );
  },

  '13-search-persian': async ({ search }) =>
    `Typed with Arabic kaf, it finds «${search[0].node.nameFa}» (${search[0].node.name}) first, then ${search
      .slice(1)
      .map((h: any) => h.node.name)
      .join('; ')}.`,

  '14-chinese-suppliers': async ({ nodes }) => `${nodes.totalCount} suppliers${nodes.pageInfo.hasNextPage ? ', a page at a time with `after: endCursor`' : ', all on the first page'}.`,

  '15-import-bills': async ({ importBills }, ask) => {
    const all = await ask('{ importBills(first: 1000) { importBillUsd } }');
    const billed = all.importBills.filter((b: any) => b.importBillUsd !== null);
    const total = billed.reduce((s: number, b: any) => s + b.importBillUsd, 0);
    return (
      table(
        ['item', 'imported a year', 'unit value $', 'import bill $ M', 'from'],
        (importBills as any[]).map((b) => [lower(b.item.name), en(Math.round(b.importVolume)), en(b.unitValueUsd), usdM(b.importBillUsd), b.countries.map((c: any) => c.country).join(', ')]),
      ) + `\n\n${billed.length} items carry a bill, $${(total / 1e9).toFixed(2)} B a year in all.`
    );
  },

  '16-graphite-electrode-projects': async (d) => {
    const projects = [d.ardakan, d.imidro, d.khuzestan, d.system];
    const rows = projects.map((p: any) => {
      const item = p.items[0];
      return [
        `${p.project.name} (${p.project.owner})`,
        item.displacedVolume > 0 ? `${en(item.displacedVolume)} t` : 'none',
        usdM(item.grossSavingUsd, 2),
        usdM(item.inducedImportsUsd, 2),
        `**${usdM(p.netSavingUsd, 2)}**`,
        p.remainingCostUsd === null ? 'unknown (`NO_BUDGET`)' : usdM(p.remainingCostUsd, 2),
        p.paybackYears === null ? '—' : `${p.paybackYears.toFixed(1)} years`,
      ];
    });
    const displaced = projects.reduce((s: number, p: any) => s + p.items[0].displacedVolume, 0);
    const net = projects.reduce((s: number, p: any) => s + p.netSavingUsd, 0);
    const induced = projects.reduce((s: number, p: any) => s + p.items[0].inducedImportsUsd, 0);
    return (
      table(['project', 'displaces a year', 'gross $ M', 'induced imports $ M', 'net saving $ M', 'still to spend $ M', 'payback'], rows) +
      `\n\nTogether, each alone, they would displace ${en(displaced)} of the ${en(d.bill.importVolume)} t imported ($${usdM(d.bill.importBillUsd)} M a year) ` +
      `and save $${usdM(net, 2)} M a year net of $${usdM(induced, 2)} M of induced imports (home-recipe import content ${d.ardakan.items[0].homeImportContent}).`
    );
  },

  '17-localization-plan': async ({ localizationPlan: p }) => {
    const steps = table(
      ['#', 'project', 'net saving $ M/y', 'still to spend $ M', 'saving per $', 'cumulative cost $ M', 'cumulative saving $ M/y'],
      (p.steps as any[]).map((s, i) => [i + 1, s.project.name, usdM(s.netSavingUsd, 2), usdM(s.remainingCostUsd, 2), s.savingPerUsd.toFixed(2), usdM(s.cumulativeCostUsd, 2), usdM(s.cumulativeSavingUsd, 2)]),
    );
    const skipped = (p.skipped as any[]).map((s) => `${s.project.name} (\`${s.reason}\`)`).join('; ');
    const content = (p.importContentAfter as any[])
      .map((c) => `the ${c.item.name} from ${share3(c.before)} to ${share3(c.after)} (**domestic content ${pct(c.domesticContentBefore)} → ${pct(c.domesticContentAfter)}**)`)
      .join('; ');
    return (
      `Of ${p.candidates} candidate projects, the plan finishes ${p.steps.length} for $${usdM(p.spentUsd, 2)} M and saves **$${usdM(p.totalSavingUsd, 2)} M a year**:\n\n${steps}\n\n` +
      `Not picked: ${skipped}.\n\nImport content after the plan: ${content}.`
    );
  },

  '19-seed-graph-size': async ({ graphInfo: g }) => {
    const CHAIN = ['EXTRACTS', 'PRODUCES', 'SUPPLIES', 'FEEDS', 'COMPONENT_OF'];
    const nodes = (g.nodeCounts as { name: string; count: number }[]).sort((a, b) => b.count - a.count);
    const edges = (g.edgeCounts as { name: string; count: number }[]).sort((a, b) => b.count - a.count);
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    const chainNodes = sum(nodes.filter((n) => n.name !== 'Source' && n.name !== 'Project'));
    const chainEdges = sum(edges.filter((e) => CHAIN.includes(e.name)));
    return (
      `${en(sum(nodes))} nodes and ${en(sum(edges))} edges (home country ${g.homeCountry}): ${en(chainNodes)} chain nodes ` +
      `(${nodes.filter((n) => n.name !== 'Source' && n.name !== 'Project').map((n) => `${n.count} ${n.name}`).join(', ')}) and ${en(chainEdges)} chain edges ` +
      `(${edges.filter((e) => CHAIN.includes(e.name)).map((e) => `${e.count} ${e.name}`).join(', ')}), ` +
      `besides ${nodes.filter((n) => n.name === 'Project' || n.name === 'Source').map((n) => `${n.count} ${n.name}s`).join(' and ')} and their ` +
      `${edges.filter((e) => !CHAIN.includes(e.name)).map((e) => `${e.count} ${e.name}`).join(', ')} edges.`
    );
  },

  '20-search-as-typed': async (d) => {
    const first = (hits: any[]) => (hits[0] ? `${hits[0].node.name ?? hits[0].node.nameFa} (matched ${hits[0].matched})` : 'nothing');
    return (
      `\`Sungoon\` finds ${first(d.sungun)}; «سنگون» finds «${d.persian[0]?.node.nameFa ?? '—'}» (matched ${d.persian[0]?.matched ?? '—'}); ` +
      `\`cars\` finds ${d.cars.length} cars (${d.cars.map((h: any) => h.node.name).join(', ')}); ` +
      `\`7601\` finds ${d.aluminium.map((h: any) => `${h.node.name} (HS ${h.node.hsCode})`).join(' and ')}.`
    );
  },

  '21-half-finished-projects': async ({ nodes }) =>
    `${nodes.totalCount} active projects, least advanced first:\n\n` +
    table(
      ['project', 'owner', 'progress', 'budget $ M', 'localizes'],
      (nodes.edges as any[]).map(({ node: p }) => [
        p.name,
        p.owner ?? '',
        p.progress === null || p.progress === undefined ? '—' : pct(p.progress, 0),
        p.budget === null || p.budget === undefined ? '—' : usdM(p.budget, 1),
        p.localizes.map((l: any) => l.node.name).join('; '),
      ]),
    ),

  '18-plan-past-75-percent': async ({ localizationPlan: p }) =>
    `${p.candidates} projects are past 75 %; the plan finishes ${p.steps.length} of them (${(p.steps as any[]).map((s) => s.project.name).join('; ')}) ` +
    `for $${usdM(p.spentUsd, 2)} M and saves $${usdM(p.totalSavingUsd, 2)} M a year.`,

  '22-companies-stopping-pars': async ({ organizationChokepoints: found }) =>
    `${found.length} organisations would each stop the Peugeot Pars with everything they or companies they control run:\n\n` +
    table(
      ['organisation', 'type', 'impact', 'sites and suppliers it reaches', 'of which groups'],
      (found as any[]).map((c) => [c.organization.name, c.organization.type.toLowerCase().replace(/_/g, ' '), share3(c.impact), c.nodes.length, c.groups.length]),
    ),

  '24-holdings-msc': async ({ holdings: msc, imidro: ministry }) => {
    const held = (h: any) => `${h.node.name} (${pct(h.effectiveShare)}${h.exact ? '' : ', share not published'})`;
    return (
      `${msc.organization.name} holds ${(msc.holdings as any[]).map(held).join(', ')}${msc.cyclic ? ' (cross-holdings: chains stop where they would go round)' : ''}, ` +
      `and it or its holdings operate ${msc.sites.length} sites (${(msc.sites as any[]).map((x) => x.node.name).join('; ')}). ` +
      `The ministry (\`org:mimt\`, three hops) holds ${(ministry.holdings as any[]).map(held).join(', ')}; ` +
      `those run ${ministry.sites.length} mines and plants.`
    );
  },

  '25-stale-figures': async ({ staleFigures: stale, importContent: ic }) => {
    const records = stale.records as any[];
    const named = (r: any) => (r.node ? r.node.name : `${r.edge.from} ${r.edge.type} ${r.edge.to}`);
    const years = countBy(records, (r) => String(r.asOf).slice(0, 4));
    const f = ic.figures;
    return (
      `${records.length} sourced figures are dated before ${stale.cutoff} (${[...years].map(([y, n]) => `${n} of ${y}`).join(', ')}); the oldest: ` +
      `${records.slice(0, 3).map((r) => `${named(r)} (${r.figures.join(', ')}, ${r.asOf})`).join('; ')}. ` +
      `The Pars's import content rests on ${f.dated} dated records, ${f.oldestAsOf} to ${f.newestAsOf}, and ${f.undated} estimated ones with no date ` +
      `(\`staleFigures(undated: true)\` lists those).`
    );
  },

  '26-sanctioned-sources': async ({ disruption: d }) => {
    const cars = (d.losses as any[]).filter((l) => CARS.includes(l.item.id));
    return (
      `The scenario removes ${d.sanctioned.length} sources: ${(d.sanctioned as any[]).map((s) => `${s.node.name} (${s.reason === 'listed' ? 'listed itself' : `behind ${s.reason}`})`).join('; ')}` +
      `${d.removedGroups.length ? `, of which groups: ${(d.removedGroups as any[]).map((g) => g.name).join(', ')}` : ''}. ` +
      `${d.losses.length} items lose supply, the most ${(d.losses as any[]).slice(0, 2).map((l) => `${l.item.name} (${share3(l.loss)})`).join(' and ')}; ` +
      `${sixCars(cars.length)} lose ${[...new Set(cars.map((c) => share3(c.loss)))].join(' to ')}. Figures as of ${d.figures.oldestAsOf} at the oldest.`
    );
  },

  '23-chokepoint-groups-pars': async ({ chokepoints: found }) => {
    const groups = (found as any[]).filter((c) => c.group);
    return (
      `${groups.length} of the ${found.length} single-node chokepoints are groups of firms or sites, each many firms modelled as one: ` +
      `${groups.map((c) => `${c.node.name}${c.memberCount ? ` (${c.memberCount})` : ''}`).join(', ')}. ` +
      `The rest are single firms: ${(found as any[]).filter((c) => !c.group).map((c) => c.node.name).join(', ')}.`
    );
  },

  '27-plan-timeline': async ({ localizationPlan: p }) => {
    const byDate = new Map<string, number>();
    for (const e of p.timeline.entries as any[]) byDate.set(e.expectedCompletion ?? 'undated', e.cumulativeSavingUsd);
    return (
      `Saving a year once the projects due by then run: ${[...byDate].map(([when, usd]) => `$${usdM(usd)} M by ${when}`).join(', ')}; ` +
      `the whole plan ($${usdM(p.totalSavingUsd)} M a year) by ${p.timeline.completeBy}.`
    );
  },
};
