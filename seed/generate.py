#!/usr/bin/env python3
"""Builds Zanjir's seed graph (zanjir/1 JSON, one file per chain) from the tables below.

Run `python3 seed/generate.py` after editing a table; the JSON files are its committed output
and a test checks they are up to date. Figures from a publication carry `sources`/CITES to a
Source node; everything else is flagged `estimate: true`. See seed/README.md.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = {}  # name -> {"description", "nodes", "edges"}
IDS = {}


def file(name, description):
    FILES[name] = {"description": description, "nodes": [], "edges": []}
    return name


def node(f, id, kind, name, nameFa, **props):
    if id in IDS:
        raise SystemExit(f"duplicate id {id}")
    IDS[id] = kind
    rec = {"id": id, "kind": kind, "name": name, "nameFa": nameFa}
    rec.update({k: v for k, v in props.items() if v is not None})
    FILES[f]["nodes"].append(rec)
    return id


def edge(f, type, frm, to, **props):
    rec = {"type": type, "from": frm, "to": to}
    rec.update({k: v for k, v in props.items() if v is not None})
    FILES[f]["edges"].append(rec)


def cite(f, frm, source, quote=None):
    """A CITES edge; citing the same source again only adds the quote."""
    for e in FILES[f]["edges"]:
        if e["type"] == "CITES" and e["from"] == frm and e["to"] == source:
            if quote and "quote" not in e:
                e["quote"] = quote
            return
    edge(f, "CITES", frm, source, quote=quote)


def est(**props):
    """Properties that are estimates: marks the record."""
    props["estimate"] = True
    return props


def add_items(f, table):
    """Products and parts: (id, kind, name, nameFa, stage, unit, unitValueUsd, hsCode, aliases)."""
    for id, kind, name, nameFa, stage, unit, value, hs, aliases in table:
        node(f, id, kind, name, nameFa, stage=stage, unit=unit, unitValueUsd=value, hsCode=hs, aliases=aliases or None, estimate=True,
             note="Unit value: an indicative world price, an estimate.")


def add_plants(f, table, quote=None):
    """Plants with their outputs (item, capacity, source keys) and inputs (item, quantity per unit, output or None)."""
    for slug, name, nameFa, operator, province, status, outputs, inputs, aliases in table:
        pid = node(f, f"plant:{slug}", "Plant", name, nameFa, operator=operator, province=province, status=status, aliases=aliases or None)
        for out, cap, sources in outputs:
            provenance = {"sources": [src(s) for s in sources]} if sources else {"estimate": True}
            edge(f, "PRODUCES", pid, out, capacityTpy=cap, **provenance)
            for s in sources:
                cite(f, pid, src(s), quote)
        for inp, qty, out in inputs:
            edge(f, "FEEDS", inp, pid, quantityPerUnit=qty, output=out, estimate=True)


# ---------------------------------------------------------------------------------------------
# Sources: the five seed articles (full text) and the publications SEED-FACTS.md draws on.
# ---------------------------------------------------------------------------------------------
S = file("sources", "The seed articles (Persian news, full text) and the publications the figures come from.")
ARTICLES = [
    ("000", "IMIDRO: companies must avoid parallel localization work and cut foreign-currency spending",
     "ایمیدرو: شرکت‌های معدنی از موازی‌کاری پرهیز کنند و ارزبری را کاهش دهند", "خبرگزاری صداوسیما", "IRIB News Agency"),
    ("001", "IMIDRO and the Iranian Steel Producers Association: localization cooperation and the National Steel Atlas",
     "همکاری ایمیدرو و انجمن فولاد در بومی‌سازی و اطلس ملی فولاد", "چیلان", "Chilan"),
    ("002", "Small Industries and Industrial Parks Organization: synergy and support for small industries",
     "سازمان صنایع کوچک و شهرک‌های صنعتی: هم‌افزایی و حمایت از صنایع کوچک", "نامشخص", "unknown"),
    ("003", "Ministry of Interior supports Iran Khodro's programmes for deeper domestic parts content",
     "حمایت وزارت کشور از برنامه‌های ایران‌خودرو برای تعمیق ساخت داخل قطعات", "خبرشهر", "Khabarshahr"),
    ("004", "East Azerbaijan's production-leap priorities: Sungun phase 3, Kaleybar nepheline syenite, 600 parts makers",
     "اولویت‌های جهش تولید آذربایجان شرقی: فاز سوم سونگون، نفلین سینیت کلیبر و ۶۰۰ قطعه‌ساز", "می متالز", "MeMetals"),
]
seeds_dir = os.path.join(HERE, "articles")
for num, title_en, title_fa, publisher_fa, publisher_en in ARTICLES:
    path = [p for p in os.listdir(seeds_dir) if p.startswith(num + "_")][0]
    with open(os.path.join(seeds_dir, path), encoding="utf-8") as fh:
        text = fh.read()
    node(S, f"source:article-{num}", "Source", title_en, title_fa, title=title_fa, publisher=publisher_fa,
         lang="fa", text=text, note=f"Seed article {num} ({publisher_en}); file seed/articles/{path}.")

PUBS = {
    "trend-gol-e-gohar": ("Trend: Gol-e-Gohar concentrate and pellet capacity", "ترند: ظرفیت کنسانتره و گندله گل‌گهر", "Trend News Agency", "https://en.trend.az/business/economy/3206499", "en"),
    "chadormalu-about": ("Chadormalu Mining and Industrial Co.: about the mine", "شرکت معدنی و صنعتی چادرملو: درباره معدن", "Chadormalu", "https://chadormalu.com", "en"),
    "financialtribune-sangan": ("Financial Tribune: Sangan reserves and capacity", "فایننشال تریبیون: ذخایر و ظرفیت سنگان", "Financial Tribune", "https://financialtribune.com", "en"),
    "iranbn-sangan-pellet": ("Iran Business News (citing Platts): Mobarakeh Steel's 5 Mt/y pellet plant at Sangan", "ایران بیزینس نیوز: کارخانه گندله ۵ میلیون تنی فولاد مبارکه در سنگان", "Iran Business News", "https://www.iran-bn.com", "en"),
    "irandaily-265076": ("Iran Daily: national concentrate and pellet capacity, year to March 2019", "ایران دیلی: ظرفیت ملی کنسانتره و گندله", "Iran Daily", "https://www.iran-daily.com/News/265076", "en"),
    "fouladplus-msc": ("Fouladplus: Mobarakeh Steel reaches 7.2 Mt nominal capacity", "فولادپلاس: فولاد مبارکه به ظرفیت اسمی ۷٫۲ میلیون تن رسید", "Fouladplus", "https://fouladplus.ir", "fa"),
    "msc-dri": ("Mobarakeh Steel Co.: the group's DRI output, year to March 2019", "فولاد مبارکه: تولید آهن اسفنجی گروه", "Mobarakeh Steel Company", "https://en.msc.ir", "en"),
    "gem-steel-tracker": ("Global Energy Monitor: Global Iron and Steel Tracker (Iran plants)", "ردیاب جهانی آهن و فولاد (گلوبال انرژی مانیتور)", "Global Energy Monitor", "https://www.gem.wiki", "en"),
    "kallanish-esfahan": ("Kallanish / SEAISI: Esfahan Steel billet capacity and the move to Zarand coke", "کالانیش: ظرفیت شمش ذوب‌آهن اصفهان", "Kallanish / SEAISI", None, "en"),
    "middleeastmetals-copper": ("Middle East Metals: NICICO copper reserves", "ذخایر مس ملی صنایع مس ایران", "Middle East Metals", "https://www.middleeastmetals.ir", "en"),
    "tehrantimes-441927": ("Tehran Times: NICICO concentrate output by mine, year to March 2019", "تهران تایمز: تولید کنسانتره مس به تفکیک معدن", "Tehran Times", "https://www.tehrantimes.com/news/441927", "en"),
    "usgs-iran-2014": ("USGS Minerals Yearbook: Iran 2014 (copper cathode trade)", "سالنامه مواد معدنی سازمان زمین‌شناسی آمریکا: ایران ۲۰۱۴", "U.S. Geological Survey", "https://www.usgs.gov", "en"),
    "steelmint-eaf": ("SteelMint Events: Iran's EAF share and electrode dependence", "استیل‌مینت: سهم کوره قوس الکتریکی و وابستگی به الکترود", "SteelMint", "https://www.steelmintevents.com", "en"),
    "irsteel-electrodes-2018": ("Irsteel (citing SteelMint): graphite-electrode imports by country, 2018", "آیرن‌استیل: واردات الکترود گرافیتی به تفکیک کشور، ۲۰۱۸", "irsteel.com", "https://irsteel.com", "en"),
    "mehrnews-electrode-sanctions": ("Mehr News: sanctions advisory on graphite electrodes and needle coke (16 Dec 2019)", "خبرگزاری مهر: هشدار تحریم الکترود گرافیتی و کک سوزنی", "Mehr News Agency", "https://www.mehrnews.com", "en"),
    "steelorbis-electrode-2021": ("SteelOrbis: a Chinese electrode supplier sanctioned (5 Jan 2021)", "استیل‌اوربیس: تحریم یک تأمین‌کننده چینی الکترود", "SteelOrbis", "https://www.steelorbis.com", "en"),
    "financialtribune-coking-coal": ("Financial Tribune: coal concentrate shortfall against the 55 Mt steel target", "فایننشال تریبیون: کمبود کنسانتره زغال‌سنگ", "Financial Tribune", "https://financialtribune.com", "en"),
    "irandaily-190885": ("Iran Daily: coking coal supply for steel", "ایران دیلی: تأمین زغال‌سنگ کک‌شو", "Iran Daily", "https://www.iran-daily.com/News/190885", "en"),
    "irandaily-265344": ("Iran Daily: Iran among the largest refractory producers", "ایران دیلی: ایران در میان بزرگ‌ترین تولیدکنندگان نسوز", "Iran Daily", "https://www.iran-daily.com/News/265344", "en"),
}
for key, (name, nameFa, publisher, url, lang) in PUBS.items():
    node(S, f"source:{key}", "Source", name, nameFa, title=name, publisher=publisher, url=url, lang=lang)


def src(key):
    return f"source:{key}"


# ---------------------------------------------------------------------------------------------
# Steel: iron ore mines → concentrate → pellet → DRI → steel → slab/billet → coil, sheet, rebar.
# ---------------------------------------------------------------------------------------------
ST = file("steel", "Iran's iron and steel chain: mines, concentrate and pellet plants, DRI, steelmaking, rolling, flux and coke.")

ITEMS_STEEL = [
    # id, kind, name, nameFa, stage, unit, unitValueUsd, hsCode, aliases
    ("product:iron-ore", "Product", "Iron ore (run of mine)", "سنگ‌آهن دانه‌بندی", "ORE", "t", 35, "2601.11", ["Iron ore", "سنگ‌آهن", "سنگ آهن"]),
    ("product:iron-ore-concentrate", "Product", "Iron ore concentrate", "کنسانتره سنگ‌آهن", "CONCENTRATE", "t", 75, "2601.11", ["concentrate", "کنسانتره"]),
    ("product:iron-ore-pellet", "Product", "Iron ore pellet", "گندله سنگ‌آهن", "INTERMEDIATE", "t", 110, "2601.12", ["pellet", "گندله"]),
    ("product:dri", "Product", "Direct reduced iron (sponge iron)", "آهن اسفنجی", "INTERMEDIATE", "t", 230, "7203.10", ["DRI", "sponge iron", "آهن اسفنجی"]),
    ("product:hot-metal", "Product", "Hot metal (pig iron)", "چدن مذاب", "INTERMEDIATE", "t", 300, "7201.10", ["pig iron", "چدن"]),
    ("product:steel-scrap", "Product", "Steel scrap", "قراضه آهن", "INTERMEDIATE", "t", 280, "7204.49", ["scrap", "قراضه", "ضایعات آهن"]),
    ("product:crude-steel", "Product", "Crude steel (liquid)", "فولاد خام", "INTERMEDIATE", "t", 420, None, ["فولاد مذاب"]),
    ("product:steel-slab", "Product", "Steel slab", "تختال فولادی", "SEMI_FINISHED", "t", 470, "7207.12", ["slab", "تختال"]),
    ("product:steel-billet", "Product", "Steel billet and bloom", "شمش فولادی (بیلت و بلوم)", "SEMI_FINISHED", "t", 460, "7207.11", ["billet", "bloom", "بیلت", "شمش فولاد"]),
    ("product:hot-rolled-coil", "Product", "Hot-rolled coil", "ورق گرم‌نورد", "SEMI_FINISHED", "t", 560, "7208.39", ["HRC", "hot rolled coil", "کلاف گرم", "ورق گرم"]),
    ("product:cold-rolled-coil", "Product", "Cold-rolled coil", "ورق سردنورد", "SEMI_FINISHED", "t", 650, "7209.17", ["CRC", "cold rolled coil", "ورق سرد"]),
    ("product:galvanized-sheet", "Product", "Galvanized sheet", "ورق گالوانیزه", "SEMI_FINISHED", "t", 760, "7210.49", ["galvanised sheet", "ورق روی‌اندود"]),
    ("product:steel-plate", "Product", "Heavy steel plate", "ورق فولادی ضخیم", "SEMI_FINISHED", "t", 620, "7208.51", ["plate", "ورق ضخیم"]),
    ("product:rebar", "Product", "Reinforcing bar", "میلگرد", "FINISHED", "t", 520, "7214.20", ["rebar", "میل‌گرد"]),
    ("product:steel-sections", "Product", "Steel sections (beams)", "تیرآهن", "FINISHED", "t", 560, "7216.33", ["beam", "تیر آهن"]),
    ("product:coking-coal", "Product", "Coking coal concentrate", "کنسانتره زغال‌سنگ کک‌شو", "CONCENTRATE", "t", 160, "2701.12", ["coking coal", "زغال‌سنگ کک‌شو", "زغال سنگ"]),
    ("product:coke", "Product", "Metallurgical coke", "کک متالورژی", "INTERMEDIATE", "t", 330, "2704.00", ["coke", "کک"]),
    ("product:limestone", "Product", "Limestone", "سنگ آهک", "ORE", "t", 12, "2521.00", ["سنگ‌آهک"]),
    ("product:lime", "Product", "Burnt lime (flux)", "آهک", "CONSUMABLE", "t", 90, "2522.10", ["lime", "quicklime", "آهک زنده"]),
    ("product:dolomite", "Product", "Dolomite", "دولومیت", "CONSUMABLE", "t", 25, "2518.10", []),
    ("product:natural-gas", "Product", "Natural gas (for reduction)", "گاز طبیعی", "CONSUMABLE", "1000 m3", 40, "2711.21", ["gas", "گاز"]),
    ("product:manganese-ore", "Product", "Manganese ore", "سنگ منگنز", "ORE", "t", 120, "2602.00", ["منگنز"]),
    ("product:chromite", "Product", "Chromite", "کرومیت", "ORE", "t", 180, "2610.00", ["chrome ore", "سنگ کروم"]),
    ("product:quartzite", "Product", "Quartzite", "کوارتزیت", "ORE", "t", 30, "2506.20", ["سیلیس"]),
    ("product:ferromanganese", "Product", "Ferromanganese", "فرومنگنز", "CONSUMABLE", "t", 1100, "7202.11", ["FeMn"]),
    ("product:ferrosilicon", "Product", "Ferrosilicon", "فروسیلیسیم", "CONSUMABLE", "t", 1400, "7202.21", ["FeSi"]),
    ("product:ferrochrome", "Product", "Ferrochrome", "فروکروم", "CONSUMABLE", "t", 1500, "7202.41", ["FeCr"]),
    ("product:ferromolybdenum", "Product", "Ferromolybdenum", "فرومولیبدن", "CONSUMABLE", "t", 40000, "7202.70", ["FeMo"]),
    ("product:needle-coke", "Product", "Needle coke", "کک سوزنی", "INTERMEDIATE", "t", 2500, "2713.11", ["needle coke", "کک سوزنی"]),
    ("product:zinc-ingot", "Product", "Zinc ingot", "شمش روی", "SEMI_FINISHED", "t", 2700, "7901.11", ["zinc", "فلز روی"]),
    ("product:zinc-ore", "Product", "Zinc-lead ore", "سنگ سرب و روی", "ORE", "t", 60, "2608.00", ["سرب و روی"]),
    ("part:graphite-electrode", "Part", "Graphite electrode (UHP)", "الکترود گرافیتی", None, "t", 4500, "8545.11", ["graphite electrodes", "الکترود", "الکترود گرافیتی"]),
    ("part:refractory-bricks", "Part", "Magnesia-carbon refractory bricks", "آجر نسوز منیزیت‌کربنی", None, "t", 900, "6815.91", ["refractories", "نسوز", "دیرگداز"]),
    ("part:mill-rolls", "Part", "Rolling-mill work rolls", "غلتک نورد", None, "t", 6000, "8455.30", ["rolls", "غلتک", "رول"]),
]
add_items(ST, ITEMS_STEEL)

# Iron ore mines: (slug, name, nameFa, province, capacity of ore t/y, reserves Mt, status, sources, aliases)
IRON_MINES = [
    ("gol-e-gohar", "Gol-e-Gohar iron ore mine", "معدن سنگ‌آهن گل‌گهر", "Kerman", 45_000_000, 1100, ["trend-gol-e-gohar"], ["Golgohar", "گل‌گهر", "گل گهر", "گلگهر"]),
    ("chadormalu", "Chadormalu iron ore mine", "معدن سنگ‌آهن چادرملو", "Yazd", 14_000_000, 320, ["chadormalu-about"], ["Chadormalu", "چادرملو", "چادر ملو"]),
    ("sangan", "Sangan iron ore mine", "معدن سنگ‌آهن سنگان", "Khorasan Razavi", 30_000_000, 1200, ["financialtribune-sangan"], ["Sangan", "سنگان"]),
    ("choghart", "Choghart iron ore mine", "معدن سنگ‌آهن چغارت", "Yazd", 4_000_000, 60, [], ["Choghart", "چغارت"]),
    ("jalal-abad", "Jalal-Abad iron ore mine", "معدن سنگ‌آهن جلال‌آباد", "Kerman", 5_000_000, 300, [], ["Jalalabad", "جلال‌آباد", "جلال آباد"]),
    ("se-chahun", "Se-Chahun iron ore mine", "معدن سنگ‌آهن سه‌چاهون", "Yazd", 3_000_000, 140, [], ["Sechahun", "سه‌چاهون", "سه چاهون"]),
    ("mishdovan", "Mishdovan iron ore mine", "معدن سنگ‌آهن میشدوان", "Yazd", 2_000_000, 100, [], ["میشدوان"]),
    ("gohar-zamin", "Gohar Zamin iron ore mine", "معدن سنگ‌آهن گهرزمین", "Kerman", 10_000_000, 600, [], ["Gohar Zamin", "گهرزمین", "گهر زمین"]),
    ("shamsabad", "Shamsabad iron ore mine", "معدن سنگ‌آهن شمس‌آباد", "Markazi", 1_500_000, 50, [], ["شمس‌آباد"]),
    ("sangan-b", "Sangan block B (Khaf)", "بلوک B سنگان خواف", "Khorasan Razavi", 5_000_000, 150, [], []),
]
for slug, name, nameFa, province, cap, reserves, sources, aliases in IRON_MINES:
    mid = node(ST, f"mine:{slug}", "Mine", name, nameFa, commodity="iron ore", province=province, country="IR", capacityTpy=cap,
               reservesMt=reserves, status="OPERATING", aliases=aliases or None, sources=[src(s) for s in sources] or None,
               **({} if sources else {"estimate": True}))
    edge(ST, "EXTRACTS", mid, "product:iron-ore", capacityTpy=cap, estimate=True)
cite(ST, "mine:chadormalu", src("chadormalu-about"), "320 Mt minable at 55.2% Fe")
cite(ST, "mine:sangan", src("financialtribune-sangan"), "1.2 Bt reserves")

# Flux, coal, alloys mines
OTHER_MINES = [
    ("tabas-parvadeh", "Tabas (Parvadeh) coal mine", "معدن زغال‌سنگ طبس (پروده)", "South Khorasan", "coking coal", "product:coking-coal", 2_000_000, ["Tabas", "طبس", "پروده"]),
    ("kerman-coal", "Kerman coal mines (Zarand)", "معادن زغال‌سنگ کرمان (زرند)", "Kerman", "coking coal", "product:coking-coal", 1_500_000, ["زغال‌سنگ کرمان"]),
    ("tazareh", "Tazareh coal mine (Shahroud)", "معدن زغال‌سنگ طزره", "Semnan", "coking coal", "product:coking-coal", 500_000, ["طزره"]),
    ("ahar-limestone", "Ahar limestone quarry", "معدن سنگ آهک اهر", "East Azerbaijan", "limestone", "product:limestone", 400_000, []),
    ("mobarakeh-limestone", "Mobarakeh limestone quarry", "معدن سنگ آهک مبارکه", "Isfahan", "limestone", "product:limestone", 2_000_000, []),
    ("venarch", "Venarch manganese mine", "معدن منگنز ونارچ", "Qom", "manganese", "product:manganese-ore", 60_000, ["ونارچ"]),
    ("faryab", "Faryab chromite mines", "معادن کرومیت فاریاب", "Kerman", "chromite", "product:chromite", 200_000, ["فاریاب"]),
    ("sabzevar-chromite", "Sabzevar chromite mine", "معدن کرومیت سبزوار", "Khorasan Razavi", "chromite", "product:chromite", 80_000, []),
    ("azna-quartzite", "Azna quartzite mine", "معدن کوارتزیت ازنا", "Lorestan", "quartzite", "product:quartzite", 100_000, []),
    ("mehdiabad", "Mehdiabad zinc-lead mine", "معدن سرب و روی مهدی‌آباد", "Yazd", "zinc-lead", "product:zinc-ore", 1_000_000, ["مهدی‌آباد"]),
    ("angouran", "Angouran zinc-lead mine", "معدن سرب و روی انگوران", "Zanjan", "zinc-lead", "product:zinc-ore", 500_000, ["انگوران"]),
]
for slug, name, nameFa, province, commodity, item, cap, aliases in OTHER_MINES:
    node(ST, f"mine:{slug}", "Mine", name, nameFa, commodity=commodity, province=province, capacityTpy=cap, status="OPERATING",
         aliases=aliases or None, estimate=True)
    edge(ST, "EXTRACTS", f"mine:{slug}", item, capacityTpy=cap, estimate=True)

# Plants: (slug, name, nameFa, operator, province, status, [(output, capacity, sources)], [(input, qty per unit, output or None)], aliases)
STEEL_PLANTS = [
    ("gol-e-gohar-concentrator", "Gol-e-Gohar concentrate plants", "کارخانه‌های کنسانتره گل‌گهر", "Gol-e-Gohar Iron Ore Co.", "Kerman", "OPERATING",
     [("product:iron-ore-concentrate", 15_000_000, ["trend-gol-e-gohar"])], [("product:iron-ore", 1.8, None)], ["کنسانتره گل‌گهر"]),
    ("gol-e-gohar-pellet", "Gol-e-Gohar pelletizing plants", "کارخانه‌های گندله‌سازی گل‌گهر", "Gol-e-Gohar Iron Ore Co.", "Kerman", "OPERATING",
     [("product:iron-ore-pellet", 10_000_000, ["trend-gol-e-gohar"])], [("product:iron-ore-concentrate", 1.03, None), ("product:dolomite", 0.02, None)], ["گندله‌سازی گل‌گهر"]),
    ("chadormalu-concentrator", "Chadormalu concentrate plant", "کارخانه کنسانتره چادرملو", "Chadormalu Mining and Industrial Co.", "Yazd", "OPERATING",
     [("product:iron-ore-concentrate", 7_500_000, ["chadormalu-about"])], [("product:iron-ore", 1.7, None)], []),
    ("ardakan-pellet", "Chadormalu pellet plant (Ardakan)", "کارخانه گندله‌سازی چادرملو (اردکان)", "Chadormalu Mining and Industrial Co.", "Yazd", "OPERATING",
     [("product:iron-ore-pellet", 3_400_000, [])], [("product:iron-ore-concentrate", 1.03, None), ("product:dolomite", 0.02, None)], []),
    ("sangan-concentrator", "Sangan concentrate plants", "کارخانه‌های کنسانتره سنگان", "Sangan Iron Ore Co.", "Khorasan Razavi", "OPERATING",
     [("product:iron-ore-concentrate", 17_500_000, ["financialtribune-sangan"])], [("product:iron-ore", 1.6, None)], []),
    ("sangan-pellet", "Sangan pellet plant (Mobarakeh Steel)", "کارخانه گندله‌سازی سنگان (فولاد مبارکه)", "Mobarakeh Steel Co.", "Khorasan Razavi", "OPERATING",
     [("product:iron-ore-pellet", 5_000_000, ["iranbn-sangan-pellet"])], [("product:iron-ore-concentrate", 1.03, None), ("product:dolomite", 0.02, None)], []),
    ("central-iron-ore-concentrator", "Central Iron Ore Co. concentrate plant (Bafq)", "کارخانه کنسانتره سنگ‌آهن مرکزی (بافق)", "Iran Central Iron Ore Co.", "Yazd", "OPERATING",
     [("product:iron-ore-concentrate", 2_500_000, [])], [("product:iron-ore", 1.8, None)], ["سنگ‌آهن مرکزی"]),
    ("jalal-abad-concentrator", "Jalal-Abad concentrate plant (Zarand)", "کارخانه کنسانتره جلال‌آباد زرند", "Iran Central Iron Ore Co.", "Kerman", "OPERATING",
     [("product:iron-ore-concentrate", 2_500_000, [])], [("product:iron-ore", 1.9, None)], []),
    ("gohar-zamin-concentrator", "Gohar Zamin concentrate plant", "کارخانه کنسانتره گهرزمین", "Gohar Zamin Iron Ore Co.", "Kerman", "OPERATING",
     [("product:iron-ore-concentrate", 5_000_000, [])], [("product:iron-ore", 1.7, None)], []),
    ("mobarakeh-pellet", "Mobarakeh Steel pellet plants (Isfahan)", "کارخانه‌های گندله‌سازی فولاد مبارکه", "Mobarakeh Steel Co.", "Isfahan", "OPERATING",
     [("product:iron-ore-pellet", 7_000_000, [])], [("product:iron-ore-concentrate", 1.03, None), ("product:dolomite", 0.02, None)], []),
    ("khuzestan-pellet", "Khuzestan Steel pellet plant", "کارخانه گندله‌سازی فولاد خوزستان", "Khuzestan Steel Co.", "Khuzestan", "OPERATING",
     [("product:iron-ore-pellet", 2_500_000, [])], [("product:iron-ore-concentrate", 1.03, None)], []),
    ("mobarakeh-dri", "Mobarakeh Steel direct reduction modules", "واحدهای احیای مستقیم فولاد مبارکه", "Mobarakeh Steel Co.", "Isfahan", "OPERATING",
     [("product:dri", 7_000_000, ["msc-dri"])], [("product:iron-ore-pellet", 1.45, None), ("product:natural-gas", 0.3, None)], ["احیای مستقیم مبارکه"]),
    ("saba-dri", "Saba Steel direct reduction (Mobarakeh group)", "احیای مستقیم فولاد سبا", "Mobarakeh Steel Co.", "Isfahan", "OPERATING",
     [("product:dri", 1_500_000, ["gem-steel-tracker"])], [("product:iron-ore-pellet", 1.45, None), ("product:natural-gas", 0.3, None)], ["Saba Steel", "فولاد سبا"]),
    ("khuzestan-dri", "Khuzestan Steel direct reduction (Midrex)", "واحدهای احیای مستقیم فولاد خوزستان", "Khuzestan Steel Co.", "Khuzestan", "OPERATING",
     [("product:dri", 3_600_000, ["gem-steel-tracker"])], [("product:iron-ore-pellet", 1.45, None), ("product:natural-gas", 0.3, None)], []),
    ("hormozgan-dri", "Hormozgan Steel direct reduction", "احیای مستقیم فولاد هرمزگان", "Hormozgan Steel Co.", "Hormozgan", "OPERATING",
     [("product:dri", 1_650_000, [])], [("product:iron-ore-pellet", 1.45, None), ("product:natural-gas", 0.3, None)], []),
    ("golgohar-dri", "Golgohar direct reduction (Sirjan)", "احیای مستقیم گل‌گهر سیرجان", "Gol-e-Gohar Iron Ore Co.", "Kerman", "OPERATING",
     [("product:dri", 1_700_000, [])], [("product:iron-ore-pellet", 1.45, None), ("product:natural-gas", 0.3, None)], []),
    ("chadormalu-dri", "Chadormalu direct reduction (Ardakan)", "احیای مستقیم چادرملو", "Chadormalu Mining and Industrial Co.", "Yazd", "OPERATING",
     [("product:dri", 1_000_000, [])], [("product:iron-ore-pellet", 1.45, None), ("product:natural-gas", 0.3, None)], []),
    ("mobarakeh-meltshop", "Mobarakeh Steel meltshop and slab casters", "فولادسازی و ریخته‌گری مداوم فولاد مبارکه", "Mobarakeh Steel Co.", "Isfahan", "OPERATING",
     [("product:steel-slab", 7_200_000, ["fouladplus-msc"])],
     [("product:dri", 1.1, None), ("product:steel-scrap", 0.15, None), ("product:lime", 0.05, None), ("part:graphite-electrode", 0.0018, None),
      ("part:refractory-bricks", 0.008, None), ("product:ferromanganese", 0.008, None), ("product:ferrosilicon", 0.003, None)],
     ["Mobarakeh Steel", "Foolad Mobarakeh", "فولاد مبارکه", "مبارکه"]),
    ("saba-meltshop", "Saba Steel electric arc furnace and caster", "فولادسازی فولاد سبا", "Mobarakeh Steel Co.", "Isfahan", "OPERATING",
     [("product:steel-slab", 1_600_000, ["gem-steel-tracker"])],
     [("product:dri", 1.1, None), ("product:steel-scrap", 0.15, None), ("product:lime", 0.05, None), ("part:graphite-electrode", 0.0018, None), ("part:refractory-bricks", 0.008, None)], []),
    ("khuzestan-meltshop", "Khuzestan Steel meltshop (billets and blooms)", "فولادسازی فولاد خوزستان", "Khuzestan Steel Co.", "Khuzestan", "OPERATING",
     [("product:steel-billet", 3_600_000, [])],
     [("product:dri", 1.1, None), ("product:steel-scrap", 0.15, None), ("product:lime", 0.05, None), ("part:graphite-electrode", 0.0018, None),
      ("part:refractory-bricks", 0.008, None), ("product:ferromanganese", 0.008, None)], ["Khuzestan Steel", "فولاد خوزستان"]),
    ("hormozgan-meltshop", "Hormozgan Steel meltshop (slabs)", "فولادسازی فولاد هرمزگان", "Hormozgan Steel Co.", "Hormozgan", "OPERATING",
     [("product:steel-slab", 1_500_000, [])],
     [("product:dri", 1.1, None), ("product:lime", 0.05, None), ("part:graphite-electrode", 0.0018, None), ("part:refractory-bricks", 0.008, None)], ["Hormozgan Steel", "فولاد هرمزگان"]),
    ("esfahan-coke", "Esfahan Steel coke ovens", "کک‌سازی ذوب‌آهن اصفهان", "Esfahan Steel Co.", "Isfahan", "OPERATING",
     [("product:coke", 1_400_000, [])], [("product:coking-coal", 1.35, None)], []),
    ("zarand-coke", "Zarand coke plant", "کارخانه کک‌سازی زرند", "Zarand Iranian Steel Co.", "Kerman", "OPERATING",
     [("product:coke", 700_000, ["kallanish-esfahan"])], [("product:coking-coal", 1.35, None)], ["کک زرند"]),
    ("esfahan-blast-furnaces", "Esfahan Steel blast furnaces", "کوره‌های بلند ذوب‌آهن اصفهان", "Esfahan Steel Co.", "Isfahan", "OPERATING",
     [("product:hot-metal", 3_000_000, [])],
     [("product:iron-ore-concentrate", 0.6, None), ("product:iron-ore-pellet", 0.9, None), ("product:coke", 0.45, None), ("product:limestone", 0.15, None), ("part:refractory-bricks", 0.003, None)],
     ["Esfahan Steel", "ذوب‌آهن اصفهان", "ذوب آهن"]),
    ("esfahan-converters", "Esfahan Steel converters and billet casters", "فولادسازی و شمش‌ریزی ذوب‌آهن اصفهان", "Esfahan Steel Co.", "Isfahan", "OPERATING",
     [("product:steel-billet", 3_600_000, ["kallanish-esfahan"])],
     [("product:hot-metal", 0.92, None), ("product:steel-scrap", 0.15, None), ("product:lime", 0.06, None), ("product:ferromanganese", 0.008, None), ("part:refractory-bricks", 0.006, None)], []),
    ("mobarakeh-hot-strip", "Mobarakeh Steel hot strip mill", "نورد گرم فولاد مبارکه", "Mobarakeh Steel Co.", "Isfahan", "OPERATING",
     [("product:hot-rolled-coil", 5_400_000, [])], [("product:steel-slab", 1.03, None), ("part:mill-rolls", 0.0006, None)], ["نورد گرم مبارکه"]),
    ("mobarakeh-cold-rolling", "Mobarakeh Steel cold rolling mill", "نورد سرد فولاد مبارکه", "Mobarakeh Steel Co.", "Isfahan", "OPERATING",
     [("product:cold-rolled-coil", 2_000_000, [])], [("product:hot-rolled-coil", 1.05, None), ("part:mill-rolls", 0.0004, None)], ["نورد سرد مبارکه"]),
    ("mobarakeh-galvanizing", "Mobarakeh Steel galvanizing line", "خط گالوانیزه فولاد مبارکه", "Mobarakeh Steel Co.", "Isfahan", "OPERATING",
     [("product:galvanized-sheet", 400_000, [])], [("product:cold-rolled-coil", 1.02, None), ("product:zinc-ingot", 0.03, None)], []),
    ("oxin-plate", "Oxin Steel plate mill (Ahvaz)", "فولاد اکسین خوزستان (ورق ضخیم)", "Oxin Steel Co.", "Khuzestan", "OPERATING",
     [("product:steel-plate", 1_200_000, [])], [("product:steel-slab", 1.05, None), ("part:mill-rolls", 0.0005, None)], ["Oxin", "اکسین"]),
    ("esfahan-section-mill", "Esfahan Steel section and rebar mills", "نورد مقاطع و میلگرد ذوب‌آهن اصفهان", "Esfahan Steel Co.", "Isfahan", "OPERATING",
     [("product:steel-sections", 1_200_000, []), ("product:rebar", 1_500_000, [])],
     [("product:steel-billet", 1.04, None), ("part:mill-rolls", 0.0005, None)], []),
    ("kavir-rebar", "Kavir Steel rebar mill (Aran-Bidgol)", "نورد میلگرد فولاد کویر کاشان", "Kavir Steel Co.", "Isfahan", "OPERATING",
     [("product:rebar", 1_000_000, [])], [("product:steel-billet", 1.04, None)], ["فولاد کویر"]),
    ("ahar-lime", "Ahar lime unit", "واحد آهک اهر", "private investors (East Azerbaijan)", "East Azerbaijan", "CONSTRUCTION",
     [("product:lime", 100_000, [])], [("product:limestone", 1.8, None)], ["آهک اهر", "واحد آهک اهر"]),
    ("mobarakeh-lime", "Mobarakeh Steel lime kilns", "کوره‌های آهک‌پزی فولاد مبارکه", "Mobarakeh Steel Co.", "Isfahan", "OPERATING",
     [("product:lime", 700_000, [])], [("product:limestone", 1.8, None)], []),
    ("azna-ferroalloy", "Iran Ferroalloy Industries (Azna)", "شرکت فروآلیاژ ایران (ازنا)", "IMIDRO", "Lorestan", "OPERATING",
     [("product:ferrosilicon", 25_000, []), ("product:ferromanganese", 25_000, [])],
     [("product:quartzite", 1.8, "product:ferrosilicon"), ("product:manganese-ore", 2.2, "product:ferromanganese"), ("product:coke", 0.5, None)], ["فروآلیاژ ازنا"]),
    ("iran-ferrosilice", "Iran Ferrosilice Co. (Semnan)", "شرکت فروسیلیس ایران (سمنان)", "private", "Semnan", "OPERATING",
     [("product:ferrosilicon", 30_000, [])], [("product:quartzite", 1.8, None), ("product:coke", 0.5, None)], ["فروسیلیس"]),
    ("faryab-ferrochrome", "Faryab ferrochrome plant", "کارخانه فروکروم فاریاب", "private", "Kerman", "OPERATING",
     [("product:ferrochrome", 20_000, [])], [("product:chromite", 2.4, None), ("product:coke", 0.5, None)], []),
    ("zanjan-zinc", "Zanjan zinc smelters", "کارخانه‌های ذوب روی زنجان", "various (Zanjan)", "Zanjan", "OPERATING",
     [("product:zinc-ingot", 150_000, [])], [("product:zinc-ore", 9.0, None)], ["روی زنجان"]),
    ("iran-refractories", "Iran Refractories Co. (Isfahan)", "شرکت نسوز ایران (اصفهان)", "private", "Isfahan", "OPERATING",
     [("part:refractory-bricks", 120_000, ["irandaily-265344"])], [("product:dolomite", 1.2, None)], ["Iran Refractories", "نسوز ایران"]),
    ("pars-refractories", "Pars Refractories Co. (Isfahan)", "شرکت نسوز پارس", "private", "Isfahan", "OPERATING",
     [("part:refractory-bricks", 80_000, [])], [("product:dolomite", 1.2, None)], ["نسوز پارس"]),
    ("mobarakeh-roll-shop", "Mobarakeh Steel roll-making workshop", "کارگاه ساخت غلتک فولاد مبارکه", "Mobarakeh Steel Co.", "Isfahan", "OPERATING",
     [("part:mill-rolls", 800, [])], [("product:steel-scrap", 1.3, None), ("product:ferrochrome", 0.05, None), ("product:ferromolybdenum", 0.01, None)], []),
    ("scrap-yards", "Scrap collection and processing yards", "واحدهای جمع‌آوری و فرآوری قراضه", "many small firms", None, "OPERATING",
     [("product:steel-scrap", 4_000_000, [])], [("product:steel-sections", 0.3, None), ("product:rebar", 0.3, None)], ["قراضه"]),
]
add_plants(ST, STEEL_PLANTS)

# The provincial steel projects: DRI and billet plants built in eight provinces.
PROVINCIAL = [
    ("sabzevar", "Sabzevar", "سبزوار", "Khorasan Razavi", "OPERATING"),
    ("neyriz", "Neyriz", "نی‌ریز", "Fars", "OPERATING"),
    ("shadegan", "Shadegan", "شادگان", "Khuzestan", "OPERATING"),
    ("baft", "Baft", "بافت", "Kerman", "OPERATING"),
    ("miyaneh", "Miyaneh", "میانه", "East Azerbaijan", "OPERATING"),
    ("qaenat", "Qaenat", "قائنات", "South Khorasan", "CONSTRUCTION"),
    ("sefiddasht", "Sefiddasht", "سفیددشت", "Chaharmahal and Bakhtiari", "OPERATING"),
    ("ardakan", "Ardakan", "اردکان", "Yazd", "CONSTRUCTION"),
]
for slug, name, nameFa, province, status in PROVINCIAL:
    pid = node(ST, f"plant:provincial-steel-{slug}", "Plant", f"{name} steel project (provincial)", f"طرح فولاد استانی {nameFa}",
               operator=f"{name} Steel Co. (IMIDRO provincial steel projects)", province=province, status=status,
               aliases=[f"فولاد {nameFa}"], estimate=True)
    edge(ST, "PRODUCES", pid, "product:steel-billet", capacityTpy=0 if status == "CONSTRUCTION" else 800_000, estimate=True)
    for inp, qty in [("product:iron-ore-pellet", 1.55), ("product:natural-gas", 0.33), ("product:lime", 0.05), ("part:graphite-electrode", 0.0018), ("part:refractory-bricks", 0.008)]:
        edge(ST, "FEEDS", inp, pid, quantityPerUnit=qty, estimate=True)

cite(ST, "plant:ahar-lime", src("article-004"), "واحد آهک اهر نیز تا دو ماه آینده افتتاح می‌شود")
cite(ST, "plant:mobarakeh-dri", src("msc-dri"), "the group made 10.56 Mt of the country's 24 Mt of DRI in the year to March 2019")
cite(ST, "part:graphite-electrode", src("steelmint-eaf"), "about 85% of Iranian steel is made in electric arc furnaces; totally dependent on imported electrodes")
cite(ST, "part:graphite-electrode", src("mehrnews-electrode-sanctions"))
cite(ST, "product:coking-coal", src("financialtribune-coking-coal"), "domestic coal concentrate falls more than 3 Mt short")
cite(ST, "product:coking-coal", src("irandaily-190885"))
cite(ST, "product:iron-ore-concentrate", src("irandaily-265076"), "52.4 Mt concentrate capacity, year to March 2019")
cite(ST, "product:iron-ore-pellet", src("irandaily-265076"), "48.5 Mt pellet capacity, year to March 2019")

# Suppliers of the steel chain's imported and domestic inputs.
# (slug, name, nameFa, country, knowledgeBased, [(item, share or None, volume or None, originCountry)], sources, aliases)
STEEL_SUPPLIERS = [
    ("nigc", "National Iranian Gas Company", "شرکت ملی گاز ایران", None, False, [("product:natural-gas", 1.0, None, None)], [], ["NIGC", "شرکت ملی گاز"]),
    ("cn-electrode-makers", "Chinese graphite-electrode makers (aggregate)", "سازندگان چینی الکترود گرافیتی", "CN", False,
     [("part:graphite-electrode", 0.73, 79_812, None)], ["irsteel-electrodes-2018"], []),
    ("de-electrode-makers", "German graphite-electrode makers (aggregate)", "سازندگان آلمانی الکترود گرافیتی", "DE", False,
     [("part:graphite-electrode", 0.101, 11_089, None)], ["irsteel-electrodes-2018"], []),
    ("in-electrode-makers", "Indian graphite-electrode makers (aggregate)", "سازندگان هندی الکترود گرافیتی", "IN", False,
     [("part:graphite-electrode", 0.097, 10_647, None)], ["irsteel-electrodes-2018"], []),
    ("electrode-traders", "Electrode importers from other origins (Russia and others)", "واردکنندگان الکترود از سایر مبادی", None, False,
     [("part:graphite-electrode", 0.072, 7_783, "RU")], ["irsteel-electrodes-2018"], []),
    ("cn-needle-coke", "Chinese needle-coke producers", "تولیدکنندگان چینی کک سوزنی", "CN", False, [("product:needle-coke", 1.0, None, None)], [], []),
    ("ru-coking-coal", "Russian coking-coal exporters", "صادرکنندگان روس زغال‌سنگ کک‌شو", "RU", False, [("product:coking-coal", None, 3_000_000, None)], [], []),
    ("cn-refractories", "Chinese refractory makers", "سازندگان چینی نسوز", "CN", False, [("part:refractory-bricks", None, 60_000, None)], [], []),
    ("at-refractories", "Austrian refractory maker", "سازنده اتریشی نسوز", "AT", False, [("part:refractory-bricks", None, 15_000, None)], [], []),
    ("cn-roll-makers", "Chinese mill-roll makers", "سازندگان چینی غلتک نورد", "CN", False, [("part:mill-rolls", None, 4_000, None)], [], []),
    ("de-roll-makers", "German mill-roll makers", "سازندگان آلمانی غلتک نورد", "DE", False, [("part:mill-rolls", None, 1_200, None)], [], []),
    ("iran-roll-sazan", "Domestic roll makers (knowledge-based)", "غلتک‌سازان داخلی (دانش‌بنیان)", None, True, [("part:mill-rolls", None, 1_000, None)], [], ["غلتک‌سازی داخلی"]),
    ("cn-ferroalloys", "Chinese ferro-alloy exporters", "صادرکنندگان چینی فروآلیاژ", "CN", False,
     [("product:ferromanganese", None, 60_000, None), ("product:ferrochrome", None, 10_000, None), ("product:ferrosilicon", None, 20_000, None)], [], []),
    ("za-ferroalloys", "South African ferro-alloy exporters", "صادرکنندگان آفریقای جنوبی فروآلیاژ", "ZA", False, [("product:ferromanganese", None, 30_000, None)], [], []),
    ("kz-ferroalloys", "Kazakh ferrochrome exporters", "صادرکنندگان قزاق فروکروم", "KZ", False, [("product:ferrochrome", None, 8_000, None)], [], []),
    ("sarcheshmeh-moly", "NICICO molybdenum roasting (Sarcheshmeh)", "واحد تشویه مولیبدن سرچشمه", None, False, [("product:ferromolybdenum", None, 2_000, None)], [], []),
    ("cn-ferromoly", "Chinese ferromolybdenum exporters", "صادرکنندگان چینی فرومولیبدن", "CN", False, [("product:ferromolybdenum", None, 1_000, None)], [], []),
    ("scrap-importers", "Scrap importers (UAE traders)", "واردکنندگان قراضه", "AE", False, [("product:steel-scrap", None, 500_000, None)], [], []),
    ("dolomite-quarries", "Dolomite quarries (Isfahan and Yazd)", "معادن دولومیت اصفهان و یزد", None, False, [("product:dolomite", 1.0, None, None)], [], []),
    ("tr-hrc-importers", "Hot-rolled coil importers (Turkish and Russian origin)", "واردکنندگان ورق گرم‌نورد", "TR", False, [("product:hot-rolled-coil", None, 300_000, None)], [], []),
    ("cn-galvanized-importers", "Galvanized sheet importers (Chinese origin)", "واردکنندگان ورق گالوانیزه", "CN", False, [("product:galvanized-sheet", None, 200_000, None)], [], []),
]
for slug, name, nameFa, country, kb, supplies, sources, aliases in STEEL_SUPPLIERS:
    sid = node(ST, f"supplier:{slug}", "Supplier", name, nameFa, country=country, knowledgeBased=kb, aliases=aliases or None,
               sources=[src(s) for s in sources] or None, **({} if sources else {"estimate": True}))
    for item, share, volume, origin in supplies:
        # The "other origins" remainder is derived from the sourced total, so it is an estimate too.
        provenance = {"sources": [src(s) for s in sources]} if sources else {}
        if not sources or slug == "electrode-traders":
            provenance["estimate"] = True
        edge(ST, "SUPPLIES", sid, item, share=share, volumePerYear=volume, originCountry=origin, **provenance)
    for s in sources:
        cite(ST, sid, src(s), "2018 imports 109,331 t: China 73%, Germany 11,089 t, India 10,647 t")
cite(ST, "supplier:cn-electrode-makers", src("steelorbis-electrode-2021"), "a Chinese electrode supplier sanctioned on 5 Jan 2021")

# ---------------------------------------------------------------------------------------------
# Copper: Sarcheshmeh, Sungun, Miduk → concentrate → smelting → cathode → rod → wire → harness.
# ---------------------------------------------------------------------------------------------
CU = file("copper", "NICICO's copper chain: mines, concentrators, smelters and refineries, rod, wire and the harnesses cars need.")
ITEMS_CU = [
    ("product:copper-ore", "Product", "Copper ore", "سنگ مس", "ORE", "t", 8, "2603.00", ["سنگ معدن مس"]),
    ("product:copper-concentrate", "Product", "Copper concentrate", "کنسانتره مس", "CONCENTRATE", "t", 2000, "2603.00", ["کنسانتره مس"]),
    ("product:molybdenum-concentrate", "Product", "Molybdenum concentrate (by-product)", "کنسانتره مولیبدن", "CONCENTRATE", "t", 20000, "2613.10", ["مولیبدن"]),
    ("product:copper-anode", "Product", "Copper anode", "آند مس", "INTERMEDIATE", "t", 8000, "7402.00", ["anode", "آند"]),
    ("product:copper-cathode", "Product", "Copper cathode", "کاتد مس", "SEMI_FINISHED", "t", 9000, "7403.11", ["cathode", "کاتد", "مس کاتدی"]),
    ("product:sulfuric-acid", "Product", "Sulfuric acid (by-product)", "اسید سولفوریک", "CONSUMABLE", "t", 60, "2807.00", []),
    ("product:copper-wire-rod", "Product", "Copper wire rod (8 mm)", "مفتول مس", "SEMI_FINISHED", "t", 9400, "7408.11", ["wire rod", "مفتول"]),
    ("product:copper-wire", "Product", "Drawn copper wire and cable", "سیم و کابل مسی", "SEMI_FINISHED", "t", 10500, "7408.19", ["copper wire", "سیم مسی", "کابل"]),
    ("product:pvc-compound", "Product", "PVC insulation compound", "کامپاند پی‌وی‌سی", "INTERMEDIATE", "t", 1300, "3904.22", ["PVC", "پی وی سی"]),
    ("product:flotation-reagents", "Product", "Flotation reagents (xanthates)", "مواد شیمیایی فلوتاسیون", "CONSUMABLE", "t", 2000, "2930.20", ["زنتات"]),
]
add_items(CU, ITEMS_CU)
CU_MINES = [
    ("sarcheshmeh", "Sarcheshmeh copper mine", "معدن مس سرچشمه", "Kerman", 55_000_000, 826, "OPERATING", ["middleeastmetals-copper"], ["Sarcheshmeh", "سرچشمه", "مس سرچشمه"]),
    ("sungun", "Sungun copper mine", "معدن مس سونگون", "East Azerbaijan", 25_000_000, 800, "OPERATING", ["article-004"], ["Sungun", "سونگون", "مس سونگون"]),
    ("miduk", "Miduk copper mine", "معدن مس میدوک", "Kerman", 11_000_000, 170, "OPERATING", [], ["Miduk", "میدوک"]),
    ("darehzar", "Darehzar copper mine", "معدن مس دره‌زار", "Kerman", 6_000_000, 60, "OPERATING", [], ["Darehzar", "دره‌زار", "دره زار"]),
    ("chahar-gonbad", "Chahar Gonbad copper mine", "معدن مس چهارگنبد", "Kerman", 1_000_000, 30, "OPERATING", [], ["چهارگنبد"]),
    ("ijo", "Ijo copper deposit", "کانسار مس ایجو", "Kerman", 0, 700, "PLANNED", [], ["ایجو"]),
]
for slug, name, nameFa, province, cap, reserves, status, sources, aliases in CU_MINES:
    mid = node(CU, f"mine:{slug}", "Mine", name, nameFa, commodity="copper", province=province, country="IR", capacityTpy=cap, reservesMt=reserves,
               status=status, aliases=aliases, sources=[src(s) for s in sources] or None, estimate=True)
    if cap > 0:
        edge(CU, "EXTRACTS", mid, "product:copper-ore", capacityTpy=cap, estimate=True)
cite(CU, "mine:sarcheshmeh", src("middleeastmetals-copper"), "Sarcheshmeh 826 Mt proven")
cite(CU, "mine:sungun", src("article-004"), "راه‌اندازی فاز سوم مس سونگون")
cite(CU, "mine:sungun", src("middleeastmetals-copper"), "3.4 Bt at 0.6% Cu combined")
CU_PLANTS = [
    ("sarcheshmeh-concentrator", "Sarcheshmeh concentrator", "کارخانه تغلیظ سرچشمه", "NICICO", "Kerman", "OPERATING",
     [("product:copper-concentrate", 701_700, ["tehrantimes-441927"]), ("product:molybdenum-concentrate", 3_000, [])],
     [("product:copper-ore", 75, "product:copper-concentrate"), ("product:copper-ore", 10000, "product:molybdenum-concentrate"), ("product:flotation-reagents", 0.02, None)], []),
    ("sungun-concentrator", "Sungun concentrator", "کارخانه تغلیظ سونگون", "NICICO", "East Azerbaijan", "OPERATING",
     [("product:copper-concentrate", 324_203, ["tehrantimes-441927"])], [("product:copper-ore", 70, None), ("product:flotation-reagents", 0.02, None)], ["تغلیظ سونگون"]),
    ("miduk-concentrator", "Miduk concentrator", "کارخانه تغلیظ میدوک", "NICICO", "Kerman", "OPERATING",
     [("product:copper-concentrate", 148_583, ["tehrantimes-441927"])], [("product:copper-ore", 70, None), ("product:flotation-reagents", 0.02, None)], []),
    ("darehzar-concentrator", "Darehzar concentrator", "کارخانه تغلیظ دره‌زار", "NICICO", "Kerman", "OPERATING",
     [("product:copper-concentrate", 80_000, [])], [("product:copper-ore", 75, None), ("product:flotation-reagents", 0.02, None)], []),
    ("sarcheshmeh-smelter", "Sarcheshmeh smelter", "کارخانه ذوب سرچشمه", "NICICO", "Kerman", "OPERATING",
     [("product:copper-anode", 250_000, []), ("product:sulfuric-acid", 600_000, [])],
     [("product:copper-concentrate", 3.6, "product:copper-anode"), ("part:refractory-bricks", 0.005, None)], ["ذوب سرچشمه"]),
    ("khatunabad-smelter", "Khatunabad smelter", "کارخانه ذوب خاتون‌آباد", "NICICO", "Kerman", "OPERATING",
     [("product:copper-anode", 200_000, []), ("product:sulfuric-acid", 500_000, [])],
     [("product:copper-concentrate", 3.6, "product:copper-anode"), ("part:refractory-bricks", 0.005, None)], ["خاتون‌آباد", "خاتون آباد"]),
    ("sarcheshmeh-refinery", "Sarcheshmeh refinery", "پالایشگاه مس سرچشمه", "NICICO", "Kerman", "OPERATING",
     [("product:copper-cathode", 200_000, [])], [("product:copper-anode", 1.02, None), ("product:sulfuric-acid", 0.02, None)], []),
    ("khatunabad-refinery", "Khatunabad refinery", "پالایشگاه مس خاتون‌آباد", "NICICO", "Kerman", "OPERATING",
     [("product:copper-cathode", 160_000, [])], [("product:copper-anode", 1.02, None), ("product:sulfuric-acid", 0.02, None)], []),
    ("sarcheshmeh-rod", "Sarcheshmeh continuous-cast rod plant", "واحد ریخته‌گری پیوسته مفتول سرچشمه", "NICICO", "Kerman", "OPERATING",
     [("product:copper-wire-rod", 60_000, [])], [("product:copper-cathode", 1.01, None)], []),
    ("private-rod-mills", "Private copper rod mills", "کارخانه‌های خصوصی مفتول مس", "private", None, "OPERATING",
     [("product:copper-wire-rod", 120_000, [])], [("product:copper-cathode", 1.01, None)], []),
    ("cable-makers", "Wire and cable makers (Abhar, Kerman, Tehran)", "کارخانه‌های سیم و کابل (ابهر، کرمان، تهران)", "private", None, "OPERATING",
     [("product:copper-wire", 200_000, [])], [("product:copper-wire-rod", 0.95, None), ("product:pvc-compound", 0.12, None)], ["سیم و کابل ابهر", "کابل کرمان"]),
]
add_plants(CU, CU_PLANTS, quote="concentrate output, year to March 2019")
CU_SUPPLIERS = [
    ("cathode-importers", "Copper cathode importers", "واردکنندگان کاتد مس", "AE", [("product:copper-cathode", None, 400, "CL")], ["usgs-iran-2014"]),
    ("pvc-petrochemicals", "Domestic PVC producers (Bandar Imam, Arvand)", "تولیدکنندگان داخلی پی‌وی‌سی (بندر امام، اروند)", None, [("product:pvc-compound", 0.85, None, None)], []),
    ("pvc-importers", "PVC compound importers", "واردکنندگان کامپاند پی‌وی‌سی", "CN", [("product:pvc-compound", 0.15, None, None)], []),
    ("reagent-importers", "Flotation reagent importers", "واردکنندگان مواد فلوتاسیون", "CN", [("product:flotation-reagents", 0.6, None, None)], []),
    ("reagent-makers", "Domestic flotation reagent makers", "سازندگان داخلی مواد فلوتاسیون", None, [("product:flotation-reagents", 0.4, None, None)], []),
]
for slug, name, nameFa, country, supplies, sources in CU_SUPPLIERS:
    sid = node(CU, f"supplier:{slug}", "Supplier", name, nameFa, country=country, sources=[src(s) for s in sources] or None, estimate=True)
    for item, share, volume, origin in supplies:
        edge(CU, "SUPPLIES", sid, item, share=share, volumePerYear=volume, originCountry=origin, estimate=True)
    for s in sources:
        cite(CU, sid, src(s), "2014: Iran imported 400 t and exported 46,600 t of cathode")

# ---------------------------------------------------------------------------------------------
# Aluminium: bauxite and nepheline syenite → alumina → aluminium → castings and wheels.
# ---------------------------------------------------------------------------------------------
AL = file("aluminium", "Iran's aluminium chain: Jajarm bauxite, Kaleybar nepheline syenite, alumina, smelters and castings.")
ITEMS_AL = [
    ("product:bauxite", "Product", "Bauxite", "بوکسیت", "ORE", "t", 45, "2606.00", []),
    ("product:nepheline-syenite", "Product", "Nepheline syenite ore", "سنگ نفلین سینیت", "ORE", "t", 20, "2529.30", ["nepheline syenite", "نفلین سینیت"]),
    ("product:alumina", "Product", "Alumina (aluminium oxide)", "آلومینا (اکسید آلومینیوم)", "INTERMEDIATE", "t", 380, "2818.20", ["alumina", "آلومینا"]),
    ("product:calcined-petroleum-coke", "Product", "Calcined petroleum coke", "کک نفتی کلسینه", "CONSUMABLE", "t", 450, "2713.12", ["CPC"]),
    ("product:carbon-anode", "Product", "Prebaked carbon anodes", "آند کربنی پخته", "CONSUMABLE", "t", 600, "8545.19", ["anode", "آند کربنی"]),
    ("product:aluminium-fluoride", "Product", "Aluminium fluoride", "فلوراید آلومینیوم", "CONSUMABLE", "t", 1300, "2826.12", []),
    ("product:aluminium-ingot", "Product", "Primary aluminium ingot", "شمش آلومینیوم", "SEMI_FINISHED", "t", 2400, "7601.10", ["aluminium", "aluminum", "آلومینیوم", "شمش آلومینیوم"]),
    ("product:aluminium-alloy-ingot", "Product", "Aluminium casting alloy ingot", "شمش آلیاژی آلومینیوم", "SEMI_FINISHED", "t", 2600, "7601.20", ["alloy ingot"]),
    ("product:soda-ash", "Product", "Soda ash", "کربنات سدیم", "CONSUMABLE", "t", 300, "2836.20", ["سودا اش"]),
    ("part:aluminium-cylinder-head", "Part", "Aluminium cylinder head casting", "سرسیلندر آلومینیومی", None, "piece", 140, "8409.91", ["cylinder head", "سرسیلندر"]),
    ("part:aluminium-engine-block", "Part", "Aluminium engine block casting", "بلوک سیلندر آلومینیومی", None, "piece", 260, "8409.91", ["engine block", "بلوک سیلندر"]),
    ("part:alloy-wheel", "Part", "Aluminium alloy wheel", "رینگ آلومینیومی", None, "piece", 70, "8708.70", ["alloy wheel", "رینگ اسپرت", "رینگ"]),
    ("part:gearbox-housing", "Part", "Aluminium gearbox housing", "پوسته گیربکس آلومینیومی", None, "piece", 90, "8708.40", ["gearbox housing", "پوسته گیربکس"]),
]
add_items(AL, ITEMS_AL)
AL_MINES = [
    ("jajarm-bauxite", "Jajarm bauxite mine", "معدن بوکسیت جاجرم", "North Khorasan", "bauxite", "product:bauxite", 700_000, "OPERATING", [], ["Jajarm", "جاجرم"]),
    ("kaleybar-nepheline", "Kaleybar nepheline syenite deposit", "معدن نفلین سینیت کلیبر", "East Azerbaijan", "nepheline syenite", "product:nepheline-syenite", 300_000, "CONSTRUCTION",
     ["article-004"], ["Kaleybar", "کلیبر", "نفلین سینیت کلیبر"]),
    ("sarab-nepheline", "Sarab nepheline syenite deposit", "معدن نفلین سینیت سراب", "East Azerbaijan", "nepheline syenite", "product:nepheline-syenite", 0, "PLANNED",
     ["article-004"], ["نفلین سینیت سراب"]),
]
for slug, name, nameFa, province, commodity, item, cap, status, sources, aliases in AL_MINES:
    mid = node(AL, f"mine:{slug}", "Mine", name, nameFa, commodity=commodity, province=province, country="IR", capacityTpy=cap, status=status,
               aliases=aliases, sources=[src(s) for s in sources] or None, estimate=True)
    if cap > 0:
        edge(AL, "EXTRACTS", mid, item, capacityTpy=cap, estimate=True)
cite(AL, "mine:kaleybar-nepheline", src("article-004"), "فرآوری نفلین سینیت کلیبر")
AL_PLANTS = [
    ("jajarm-alumina", "Jajarm alumina refinery", "کارخانه آلومینای جاجرم", "Iran Alumina Co. (IRALCO group)", "North Khorasan", "OPERATING",
     [("product:alumina", 250_000, [])], [("product:bauxite", 2.6, None), ("product:soda-ash", 0.1, None)], ["آلومینای جاجرم", "Iran Alumina"]),
    ("kaleybar-nepheline-plant", "Kaleybar nepheline syenite processing plant", "کارخانه فرآوری نفلین سینیت کلیبر", "IMIDRO", "East Azerbaijan", "CONSTRUCTION",
     [("product:alumina", 30_000, [])], [("product:nepheline-syenite", 4.5, None), ("product:limestone", 6.0, None), ("product:soda-ash", 0.2, None)], []),
    ("sarab-nepheline-plant", "Sarab nepheline syenite plant", "کارخانه نفلین سینیت سراب", "IMIDRO", "East Azerbaijan", "PLANNED",
     [("product:alumina", 0, [])], [("product:nepheline-syenite", 4.5, None), ("product:limestone", 6.0, None)], ["نفلین سینیت سراب", "کارخانه نفلین سینیت سراب"]),
    ("iralco", "IRALCO smelter (Arak)", "آلومینیوم ایران ـ ایرالکو (اراک)", "IRALCO", "Markazi", "OPERATING",
     [("product:aluminium-ingot", 180_000, [])],
     [("product:alumina", 1.93, None), ("product:carbon-anode", 0.42, None), ("product:aluminium-fluoride", 0.02, None), ("part:refractory-bricks", 0.004, None)], ["IRALCO", "ایرالکو"]),
    ("almahdi", "Almahdi and Hormozal smelters (Bandar Abbas)", "آلومینیوم المهدی و هرمزآل (بندرعباس)", "Almahdi Aluminium Co.", "Hormozgan", "OPERATING",
     [("product:aluminium-ingot", 250_000, [])],
     [("product:alumina", 1.93, None), ("product:carbon-anode", 0.42, None), ("product:aluminium-fluoride", 0.02, None)], ["المهدی", "هرمزآل"]),
    ("salco", "South Aluminium Corporation smelter (Lamerd)", "آلومینیوم جنوب ـ سالکو (لامرد)", "SALCO", "Fars", "OPERATING",
     [("product:aluminium-ingot", 150_000, [])],
     [("product:alumina", 1.93, None), ("product:carbon-anode", 0.42, None), ("product:aluminium-fluoride", 0.02, None)], ["SALCO", "سالکو", "آلومینیوم جنوب"]),
    ("anode-plants", "Smelters' anode plants", "کارخانه‌های آند کربنی", "smelters", None, "OPERATING",
     [("product:carbon-anode", 200_000, [])], [("product:calcined-petroleum-coke", 0.7, None)], []),
    ("alloy-ingot-casters", "Secondary alloy ingot casthouses", "واحدهای شمش آلیاژی", "private", None, "OPERATING",
     [("product:aluminium-alloy-ingot", 120_000, [])], [("product:aluminium-ingot", 0.9, None), ("product:ferrosilicon", 0.01, None)], []),
    ("tabriz-aluminium-foundries", "East Azerbaijan aluminium foundries (cluster)", "ریخته‌گری‌های آلومینیوم آذربایجان شرقی", "private (Tabriz cluster)", "East Azerbaijan", "OPERATING",
     [("part:aluminium-cylinder-head", 500_000, []), ("part:aluminium-engine-block", 250_000, []), ("part:gearbox-housing", 400_000, [])],
     [("product:aluminium-alloy-ingot", 0.012, "part:aluminium-cylinder-head"), ("product:aluminium-alloy-ingot", 0.022, "part:aluminium-engine-block"),
      ("product:aluminium-alloy-ingot", 0.008, "part:gearbox-housing")], ["ریخته‌گری تبریز"]),
    ("alloy-wheel-makers", "Alloy wheel makers", "سازندگان رینگ آلومینیومی", "private", None, "OPERATING",
     [("part:alloy-wheel", 1_200_000, [])], [("product:aluminium-alloy-ingot", 0.0095, None)], []),
]
add_plants(AL, AL_PLANTS)
cite(AL, "plant:kaleybar-nepheline-plant", src("article-004"), "فرآوری نفلین سینیت کلیبر")
cite(AL, "plant:sarab-nepheline-plant", src("article-004"), "کارخانه نفلین سینیت سراب ... آرزوی ۲۲ ساله مردم آذربایجان شرقی")
AL_SUPPLIERS = [
    ("alumina-importers", "Alumina importers", "واردکنندگان آلومینا", "IN", [("product:alumina", None, 500_000, None)]),
    ("au-alumina", "Australian alumina (via traders)", "آلومینای استرالیایی (از طریق بازرگانان)", "AE", [("product:alumina", None, 150_000, "AU")]),
    ("cn-pet-coke", "Chinese calcined petroleum coke exporters", "صادرکنندگان چینی کک نفتی کلسینه", "CN", [("product:calcined-petroleum-coke", 0.8, None, None)]),
    ("home-pet-coke", "Domestic refinery petroleum coke", "کک نفتی پالایشگاه‌های داخلی", None, [("product:calcined-petroleum-coke", 0.2, None, None)]),
    ("cn-aluminium-fluoride", "Chinese aluminium fluoride exporters", "صادرکنندگان چینی فلوراید آلومینیوم", "CN", [("product:aluminium-fluoride", 1.0, None, None)]),
    ("soda-ash-makers", "Domestic soda ash makers (Shiraz, Semnan)", "تولیدکنندگان داخلی کربنات سدیم", None, [("product:soda-ash", 1.0, None, None)]),
    ("wheel-importers", "Alloy wheel importers", "واردکنندگان رینگ آلومینیومی", "CN", [("part:alloy-wheel", None, 300_000, None)]),
]
for slug, name, nameFa, country, supplies in AL_SUPPLIERS:
    sid = node(AL, f"supplier:{slug}", "Supplier", name, nameFa, country=country, estimate=True)
    for item, share, volume, origin in supplies:
        edge(AL, "SUPPLIES", sid, item, share=share, volumePerYear=volume, originCountry=origin, estimate=True)

# ---------------------------------------------------------------------------------------------
# Automotive: Iran Khodro's cars, their main parts, parts makers at home and abroad.
# ---------------------------------------------------------------------------------------------
AU = file("automotive", "Iran Khodro's cars, their bills of materials, and the parts makers at home and abroad that supply them.")
CARS = [
    # slug, name, nameFa, unitValueUsd, annual demand, engine, gearbox, aliases
    ("peugeot-pars", "Peugeot Pars", "پژو پارس", 9000, 110_000, "part:engine-tu5", "part:gearbox-be4", ["Peugeot 405 Pars", "پژو پارس"]),
    ("peugeot-207i", "Peugeot 207i", "پژو ۲۰۷", 11000, 90_000, "part:engine-tu5", "part:gearbox-be4", ["207", "پژو 207"]),
    ("dena-plus", "Dena Plus", "دنا پلاس", 12000, 70_000, "part:engine-ef7", "part:gearbox-be4", ["Dena", "دنا"]),
    ("runna-plus", "Runna Plus", "رانا پلاس", 9500, 60_000, "part:engine-tu5", "part:gearbox-be4", ["Runna", "رانا"]),
    ("tara", "Tara", "تارا", 13000, 50_000, "part:engine-tu5", "part:gearbox-at6", ["تارا اتوماتیک"]),
    ("samand-soren", "Samand Soren", "سمند سورن", 8500, 60_000, "part:engine-ef7", "part:gearbox-be4", ["Samand", "سمند"]),
]
for slug, name, nameFa, value, demand, engine, gearbox, aliases in CARS:
    node(AU, f"product:{slug}", "Product", name, nameFa, stage="FINISHED", unit="car", unitValueUsd=value, finalDemand=demand, hsCode="8703.23",
         aliases=aliases, estimate=True, note="Annual demand and unit value are estimates.")

PARTS = [
    # id, name, nameFa, unitValueUsd, aliases
    ("part:body-in-white", "Body in white (welded body shell)", "بدنه خام خودرو", 1300, ["BIW", "بدنه خودرو"]),
    ("part:outer-body-panels", "Outer body panels (galvanized)", "قطعات بدنه بیرونی (گالوانیزه)", 350, ["body panels", "قطعات بدنه"]),
    ("part:chassis-parts", "Chassis and suspension parts", "قطعات شاسی و تعلیق", 450, ["chassis", "شاسی", "تعلیق"]),
    ("part:engine-tu5", "TU5 petrol engine", "موتور TU5", 1800, ["TU5"]),
    ("part:engine-ef7", "EF7 petrol engine", "موتور EF7 ملی", 1900, ["EF7", "موتور ملی"]),
    ("part:gearbox-be4", "BE4 manual gearbox", "گیربکس دستی BE4", 700, ["BE4", "گیربکس"]),
    ("part:gearbox-at6", "Six-speed automatic gearbox", "گیربکس اتوماتیک شش‌سرعته", 1600, ["automatic gearbox", "گیربکس اتوماتیک"]),
    ("part:ecu", "Engine control unit (ECU)", "واحد کنترل الکترونیکی موتور (ECU)", 180, ["ECU", "ای‌سی‌یو", "ایسیو"]),
    ("part:microcontroller", "Automotive microcontroller", "ریزپردازنده خودرویی", 6, ["MCU", "chip", "تراشه", "میکروکنترلر"]),
    ("part:power-semiconductor", "Power semiconductors (MOSFET, IGBT)", "نیمه‌رساناهای قدرت", 1.5, ["semiconductor", "نیمه‌رسانا"]),
    ("part:pcb", "Printed circuit board", "برد مدار چاپی", 8, ["PCB", "بورد الکترونیکی"]),
    ("part:sensors", "Engine and safety sensors", "حسگرهای موتور و ایمنی", 60, ["sensors", "سنسور", "حسگر"]),
    ("part:wire-harness", "Main wire harness", "دسته‌سیم اصلی خودرو", 160, ["harness", "wiring harness", "دسته‌سیم", "دسته سیم"]),
    ("part:connectors", "Automotive connectors and terminals", "کانکتور و ترمینال خودرویی", 0.4, ["connector", "کانکتور"]),
    ("part:windscreen", "Laminated windscreen", "شیشه جلو (لمینیت)", 70, ["windshield", "شیشه جلو"]),
    ("part:side-glass", "Tempered side and rear glass", "شیشه‌های جانبی و عقب (سکوریت)", 60, ["شیشه سکوریت"]),
    ("part:float-glass", "Float glass", "شیشه فلوت", 0.5, ["float glass", "شیشه فلوت"]),
    ("part:pvb-interlayer", "PVB interlayer film", "لایه میانی PVB", 6, ["PVB"]),
    ("part:tyre", "Passenger car tyre", "تایر سواری", 45, ["tire", "tyre", "تایر", "لاستیک"]),
    ("part:natural-rubber", "Natural rubber", "کائوچوی طبیعی", 1.7, ["natural rubber", "کائوچو"]),
    ("part:synthetic-rubber", "Synthetic rubber (SBR)", "لاستیک مصنوعی (SBR)", 1.9, ["SBR"]),
    ("part:carbon-black", "Carbon black", "دوده صنعتی", 1.1, ["carbon black", "دوده"]),
    ("part:steel-tyre-cord", "Steel tyre cord", "سیم تایر فولادی", 2.2, ["tyre cord", "سیم تایر"]),
    ("part:seat", "Seat assembly", "مجموعه صندلی", 120, ["seat", "صندلی"]),
    ("part:polyurethane-foam", "Polyurethane seat foam", "فوم پلی‌یورتان صندلی", 12, ["foam", "فوم"]),
    ("part:brake-system", "Brake system (discs, calipers, pads)", "سامانه ترمز", 140, ["brakes", "ترمز"]),
    ("part:abs-module", "ABS module", "ماژول ABS", 150, ["ABS", "ای‌بی‌اس"]),
    ("part:brake-pads", "Brake pads", "لنت ترمز", 12, ["brake pads", "لنت"]),
    ("part:battery", "Lead-acid starter battery", "باتری سرب‌اسیدی", 55, ["battery", "باتری"]),
    ("part:airbag-module", "Airbag module", "ماژول کیسه هوا", 90, ["airbag", "کیسه هوا", "ایربگ"]),
    ("part:headlamp", "Headlamp assembly", "مجموعه چراغ جلو", 45, ["headlamp", "چراغ جلو"]),
    ("part:instrument-panel", "Instrument panel and dashboard", "داشبورد و صفحه نمایشگر", 150, ["dashboard", "داشبورد"]),
    ("part:fuel-injector", "Fuel injector", "انژکتور سوخت", 18, ["injector", "انژکتور"]),
    ("part:piston", "Piston", "پیستون", 9, ["piston", "پیستون"]),
    ("part:crankshaft", "Forged crankshaft", "میل‌لنگ فورج", 85, ["crankshaft", "میل لنگ"]),
    ("part:gear-set", "Gearbox gear set", "مجموعه دنده گیربکس", 180, ["gears", "چرخ‌دنده"]),
    ("part:bearings", "Bearings", "بلبرینگ", 4, ["bearing", "بلبرینگ", "یاتاقان"]),
    ("part:paint", "Automotive paint and coatings", "رنگ خودرو", 80, ["paint", "رنگ و پوشش خودرو"]),
    ("part:lead", "Refined lead", "شمش سرب", 2.1, ["lead", "سرب"]),
    ("part:ac-compressor", "Air-conditioning compressor", "کمپرسور کولر", 110, ["AC compressor", "کمپرسور"]),
]
for id, name, nameFa, value, aliases in PARTS:
    node(AU, id, "Part", name, nameFa, unit="piece" if value > 3 else "kg", unitValueUsd=value, aliases=aliases, estimate=True,
         note="Unit value: an indicative price, an estimate.")

# Bill of materials of every car: (part, quantity, valueShare or None). Engine and gearbox vary by car.
COMMON_BOM = [
    ("part:body-in-white", 1, 0.14), ("part:outer-body-panels", 1, None), ("part:chassis-parts", 1, None),
    ("part:ecu", 1, None), ("part:wire-harness", 1, None), ("part:sensors", 1, None), ("part:windscreen", 1, None),
    ("part:side-glass", 1, None), ("part:tyre", 5, None), ("part:alloy-wheel", 4, None), ("part:seat", 5, None),
    ("part:brake-system", 1, None), ("part:abs-module", 1, None), ("part:battery", 1, None), ("part:airbag-module", 2, None),
    ("part:headlamp", 2, None), ("part:instrument-panel", 1, None), ("part:paint", 1, None), ("part:ac-compressor", 1, None),
]
for slug, name, nameFa, value, demand, engine, gearbox, aliases in CARS:
    car = f"product:{slug}"
    for part, qty, share in COMMON_BOM + [(engine, 1, None), (gearbox, 1, None)]:
        edge(AU, "COMPONENT_OF", part, car, quantity=qty, valueShare=share, estimate=True)

SUB_BOM = {
    "part:body-in-white": [("product:cold-rolled-coil", 0.28, None), ("product:galvanized-sheet", 0.18, None), ("product:hot-rolled-coil", 0.12, None)],
    "part:outer-body-panels": [("product:galvanized-sheet", 0.09, None)],
    "part:chassis-parts": [("product:hot-rolled-coil", 0.15, None), ("part:bearings", 4, None)],
    "part:engine-tu5": [("part:aluminium-cylinder-head", 1, None), ("part:crankshaft", 1, None), ("part:piston", 4, None), ("part:fuel-injector", 4, None), ("part:sensors", 1, None), ("part:bearings", 6, None)],
    "part:engine-ef7": [("part:aluminium-cylinder-head", 1, None), ("part:aluminium-engine-block", 1, None), ("part:crankshaft", 1, None), ("part:piston", 4, None), ("part:fuel-injector", 4, None), ("part:sensors", 1, None), ("part:bearings", 6, None)],
    "part:gearbox-be4": [("part:gear-set", 1, None), ("part:gearbox-housing", 1, None), ("part:bearings", 6, None)],
    "part:gearbox-at6": [("part:gear-set", 1, None), ("part:gearbox-housing", 1, None), ("part:microcontroller", 2, None), ("part:bearings", 8, None)],
    "part:ecu": [("part:microcontroller", 3, None), ("part:power-semiconductor", 20, None), ("part:pcb", 1, None), ("part:connectors", 4, None)],
    "part:sensors": [("part:microcontroller", 1, None), ("part:connectors", 2, None)],
    "part:abs-module": [("part:microcontroller", 2, None), ("part:power-semiconductor", 8, None), ("part:sensors", 1, None)],
    "part:airbag-module": [("part:microcontroller", 1, None), ("part:sensors", 1, None)],
    "part:wire-harness": [("product:copper-wire", 0.012, None), ("part:connectors", 120, None), ("product:pvc-compound", 0.006, None)],
    "part:windscreen": [("part:float-glass", 22, None), ("part:pvb-interlayer", 1, None)],
    "part:side-glass": [("part:float-glass", 25, None)],
    "part:tyre": [("part:natural-rubber", 2.5, None), ("part:synthetic-rubber", 2.2, None), ("part:carbon-black", 2.0, None), ("part:steel-tyre-cord", 1.0, None)],
    "part:seat": [("part:polyurethane-foam", 1, None), ("product:cold-rolled-coil", 0.008, None)],
    "part:brake-system": [("part:brake-pads", 4, None), ("part:sensors", 1, None)],
    "part:battery": [("part:lead", 9, None)],
    "part:crankshaft": [("product:steel-billet", 0.025, None)],
    "part:gear-set": [("product:steel-billet", 0.02, None)],
    "part:instrument-panel": [("part:microcontroller", 2, None), ("part:pcb", 1, None), ("part:connectors", 10, None)],
    "part:ac-compressor": [("part:bearings", 2, None)],
    "part:headlamp": [("part:connectors", 2, None)],
}
for assembly, lines in SUB_BOM.items():
    for part, qty, share in lines:
        edge(AU, "COMPONENT_OF", part, assembly, quantity=qty, valueShare=share, estimate=True)

node(AU, "plant:ikco-tehran", "Plant", "Iran Khodro Tehran plant", "کارخانه ایران‌خودرو تهران", operator="Iran Khodro (IKCO)", province="Tehran", status="OPERATING",
     aliases=["Iran Khodro", "IKCO", "ایران‌خودرو", "ایران خودرو", "ایرانخودرو"])
node(AU, "plant:ikco-tabriz", "Plant", "Iran Khodro Tabriz plant", "کارخانه ایران‌خودرو تبریز", operator="Iran Khodro (IKCO)", province="East Azerbaijan", status="OPERATING",
     aliases=["ایران‌خودرو تبریز"])
node(AU, "plant:ikco-mashhad", "Plant", "Iran Khodro Khorasan plant", "کارخانه ایران‌خودرو خراسان", operator="Iran Khodro (IKCO)", province="Khorasan Razavi", status="OPERATING")
node(AU, "plant:ikco-shiraz", "Plant", "Iran Khodro Shiraz plant", "کارخانه ایران‌خودرو شیراز", operator="Iran Khodro (IKCO)", province="Fars", status="OPERATING")
CAR_PLANTS = {
    "peugeot-pars": [("plant:ikco-tehran", 80_000), ("plant:ikco-tabriz", 30_000)],
    "peugeot-207i": [("plant:ikco-tehran", 90_000)],
    "dena-plus": [("plant:ikco-tehran", 50_000), ("plant:ikco-mashhad", 20_000)],
    "runna-plus": [("plant:ikco-tehran", 40_000), ("plant:ikco-shiraz", 20_000)],
    "tara": [("plant:ikco-tehran", 50_000)],
    "samand-soren": [("plant:ikco-tabriz", 40_000), ("plant:ikco-mashhad", 20_000)],
}
for slug, plants in CAR_PLANTS.items():
    for plant, cap in plants:
        edge(AU, "PRODUCES", plant, f"product:{slug}", capacityTpy=cap, estimate=True)
for plant in ["plant:ikco-tehran", "plant:ikco-tabriz"]:
    cite(AU, plant, src("article-003"), "توسعه و تعمیق ساخت داخل قطعات در راستای کاهش وابستگی و صرفه‌جویی ارزی")

# Parts makers: (slug, name, nameFa, country, province, knowledgeBased, [(part, share)], aliases)
MAKERS = [
    ("ipco", "Iran Khodro Powertrain Co. (IPCO)", "شرکت مهندسی و تولید موتور ایران‌خودرو (ایپکو)", None, "Tehran", False,
     [("part:engine-tu5", 1.0), ("part:engine-ef7", 1.0), ("part:gearbox-be4", 0.9)], ["IPCO", "ایپکو"]),
    ("ikco-press-shop", "Iran Khodro body and press shops", "سالن‌های پرس و بدنه‌سازی ایران‌خودرو", None, "Tehran", False,
     [("part:body-in-white", 1.0), ("part:outer-body-panels", 0.8)], []),
    ("tabriz-body-parts", "Tabriz body-part stampers (cluster)", "قطعه‌سازان پرسی بدنه تبریز", None, "East Azerbaijan", False,
     [("part:outer-body-panels", 0.2), ("part:chassis-parts", 0.3)], []),
    ("tehran-chassis-makers", "Chassis and suspension parts makers", "سازندگان قطعات شاسی و تعلیق", None, "Tehran", False, [("part:chassis-parts", 0.4)], []),
    ("crouse", "Crouse Industrial Group", "گروه صنعتی کروز", None, "Tehran", True,
     [("part:ecu", 0.35), ("part:sensors", 0.3), ("part:wire-harness", 0.25), ("part:instrument-panel", 0.4)], ["Crouse", "کروز"]),
    ("ecu-knowledge-based", "Domestic ECU makers (knowledge-based firms)", "سازندگان داخلی ECU (شرکت‌های دانش‌بنیان)", None, "Tehran", True, [("part:ecu", 0.2)], []),
    ("de-ecu-via-uae", "German ECU modules via UAE traders", "ماژول ECU آلمانی از طریق بازرگانان امارات", "AE", None, False, [("part:ecu", 0.3)], []),
    ("cn-ecu", "Chinese ECU makers", "سازندگان چینی ECU", "CN", None, False, [("part:ecu", 0.15)], []),
    ("cn-chip-distributors", "Chinese chip distributors", "توزیع‌کنندگان چینی تراشه", "CN", None, False, [("part:microcontroller", 0.5), ("part:power-semiconductor", 0.6)], []),
    ("tw-chips-via-traders", "Taiwanese chips via traders", "تراشه تایوانی از طریق بازرگانان", None, "Tehran", False, [("part:microcontroller", 0.3)], []),
    ("kr-chips", "Korean semiconductor exporters", "صادرکنندگان کره‌ای نیمه‌رسانا", "KR", None, False, [("part:microcontroller", 0.2), ("part:power-semiconductor", 0.4)], []),
    ("pcb-makers", "Domestic PCB makers", "سازندگان داخلی برد مدار چاپی", None, "Tehran", True, [("part:pcb", 0.4)], []),
    ("cn-pcb", "Chinese PCB makers", "سازندگان چینی برد مدار چاپی", "CN", None, False, [("part:pcb", 0.6)], []),
    ("cn-sensors", "Chinese sensor makers", "سازندگان چینی حسگر", "CN", None, False, [("part:sensors", 0.5)], []),
    ("kr-sensors", "Korean sensor makers", "سازندگان کره‌ای حسگر", "KR", None, False, [("part:sensors", 0.2)], []),
    ("harness-makers", "Wire harness makers (Tehran, Tabriz, Qazvin)", "دسته‌سیم‌سازان (تهران، تبریز، قزوین)", None, None, False, [("part:wire-harness", 0.75)], ["دسته‌سیم‌سازی"]),
    ("connector-makers", "Domestic connector makers", "سازندگان داخلی کانکتور", None, None, False, [("part:connectors", 0.35)], []),
    ("cn-connectors", "Chinese connector makers", "سازندگان چینی کانکتور", "CN", None, False, [("part:connectors", 0.65)], []),
    ("sekurit-iran", "Sekurit Iran (automotive glass)", "سکوریت ایران (شیشه خودرو)", None, "Qazvin", False, [("part:windscreen", 0.8), ("part:side-glass", 0.9)], ["سکوریت"]),
    ("cn-auto-glass", "Chinese automotive glass exporters", "صادرکنندگان چینی شیشه خودرو", "CN", None, False, [("part:windscreen", 0.2), ("part:side-glass", 0.1)], []),
    ("float-glass-makers", "Domestic float glass makers", "تولیدکنندگان داخلی شیشه فلوت", None, None, False, [("part:float-glass", 1.0)], []),
    ("pvb-importers", "PVB film importers", "واردکنندگان فیلم PVB", "CN", None, False, [("part:pvb-interlayer", 1.0)], []),
    ("kavir-tire", "Kavir Tire", "کویر تایر", None, "Kerman", False, [("part:tyre", 0.3)], ["Kavir Tire", "کویرتایر"]),
    ("barez", "Barez Industrial Group (tyres)", "گروه صنعتی بارز", None, "Kerman", False, [("part:tyre", 0.3)], ["Barez", "بارز"]),
    ("iran-tire", "Iran Tire", "ایران تایر", None, "Tehran", False, [("part:tyre", 0.15)], []),
    ("yazd-tire", "Yazd Tire", "یزد تایر", None, "Yazd", False, [("part:tyre", 0.1)], []),
    ("cn-tyres", "Chinese tyre exporters", "صادرکنندگان چینی تایر", "CN", None, False, [("part:tyre", 0.15)], []),
    ("th-natural-rubber", "Thai natural rubber exporters", "صادرکنندگان تایلندی کائوچو", "TH", None, False, [("part:natural-rubber", 0.6)], []),
    ("my-natural-rubber", "Malaysian natural rubber exporters", "صادرکنندگان مالزیایی کائوچو", "MY", None, False, [("part:natural-rubber", 0.4)], []),
    ("bandar-imam-sbr", "Bandar Imam Petrochemical (SBR)", "پتروشیمی بندر امام (SBR)", None, "Khuzestan", False, [("part:synthetic-rubber", 0.8)], ["پتروشیمی بندر امام"]),
    ("ru-sbr", "Russian synthetic rubber exporters", "صادرکنندگان روس لاستیک مصنوعی", "RU", None, False, [("part:synthetic-rubber", 0.2)], []),
    ("carbon-black-makers", "Domestic carbon black makers (Ahvaz, Sadaf)", "تولیدکنندگان داخلی دوده صنعتی", None, None, False, [("part:carbon-black", 1.0)], []),
    ("cn-tyre-cord", "Chinese steel tyre cord exporters", "صادرکنندگان چینی سیم تایر", "CN", None, False, [("part:steel-tyre-cord", 0.7)], []),
    ("tyre-cord-makers", "Domestic tyre cord makers", "سازندگان داخلی سیم تایر", None, None, False, [("part:steel-tyre-cord", 0.3)], []),
    ("seat-makers", "Seat makers (Tehran)", "صندلی‌سازان خودرو (تهران)", None, "Tehran", False, [("part:seat", 0.8)], []),
    ("foam-makers", "Polyurethane foam makers", "تولیدکنندگان فوم پلی‌یورتان", None, None, False, [("part:polyurethane-foam", 0.6)], []),
    ("polyol-importers", "Polyol and foam importers", "واردکنندگان پلی‌ال و فوم", "DE", None, False, [("part:polyurethane-foam", 0.4)], []),
    ("brake-makers", "Brake system makers", "سازندگان سامانه ترمز", None, None, False, [("part:brake-system", 0.85)], []),
    ("lent-iran", "Lent Iran (brake pads)", "لنت ایران", None, "Tehran", False, [("part:brake-pads", 0.7)], ["لنت ایران"]),
    ("cn-brake-pads", "Chinese brake pad exporters", "صادرکنندگان چینی لنت ترمز", "CN", None, False, [("part:brake-pads", 0.3), ("part:brake-system", 0.15)], []),
    ("cn-abs", "Chinese ABS module makers", "سازندگان چینی ماژول ABS", "CN", None, False, [("part:abs-module", 0.6)], []),
    ("kr-abs", "Korean ABS module makers", "سازندگان کره‌ای ماژول ABS", "KR", None, False, [("part:abs-module", 0.3)], []),
    ("abs-assembler", "Domestic ABS assembler", "مونتاژکننده داخلی ABS", None, "Tehran", True, [("part:abs-module", 0.1)], []),
    ("niroo-battery", "Niroo Battery Manufacturing Co.", "شرکت باتری‌سازی نیرو", None, "Tehran", False, [("part:battery", 0.6)], ["باتری نیرو"]),
    ("saba-battery", "Saba Battery", "باتری صبا", None, "Tehran", False, [("part:battery", 0.3)], ["صبا باتری"]),
    ("kr-battery", "Korean battery exporters", "صادرکنندگان کره‌ای باتری", "KR", None, False, [("part:battery", 0.1)], []),
    ("zanjan-lead", "Zanjan lead smelters", "کارخانه‌های ذوب سرب زنجان", None, "Zanjan", False, [("part:lead", 0.8)], ["سرب زنجان"]),
    ("lead-importers", "Lead importers", "واردکنندگان سرب", "KZ", None, False, [("part:lead", 0.2)], []),
    ("cn-airbags", "Chinese airbag module makers", "سازندگان چینی کیسه هوا", "CN", None, False, [("part:airbag-module", 0.7)], []),
    ("airbag-assembler", "Domestic airbag assembler", "مونتاژکننده داخلی کیسه هوا", None, "Tehran", True, [("part:airbag-module", 0.3)], []),
    ("lamp-makers", "Headlamp makers (Tehran)", "سازندگان چراغ خودرو (تهران)", None, "Tehran", False, [("part:headlamp", 0.5)], []),
    ("cn-lamps", "Chinese lamp makers", "سازندگان چینی چراغ خودرو", "CN", None, False, [("part:headlamp", 0.2)], []),
    ("dashboard-makers", "Dashboard and interior plastics makers", "سازندگان داشبورد و قطعات پلاستیکی داخلی", None, None, False, [("part:instrument-panel", 0.6)], []),
    ("cn-injectors", "Chinese injector makers", "سازندگان چینی انژکتور", "CN", None, False, [("part:fuel-injector", 0.5)], []),
    ("injector-localizer", "Domestic injector maker (knowledge-based)", "سازنده داخلی انژکتور (دانش‌بنیان)", None, "Tehran", True, [("part:fuel-injector", 0.5)], []),
    ("piston-makers", "Piston makers", "سازندگان پیستون", None, None, False, [("part:piston", 0.6)], []),
    ("cn-pistons", "Chinese piston exporters", "صادرکنندگان چینی پیستون", "CN", None, False, [("part:piston", 0.1)], []),
    ("forging-shops", "Forging shops (Tabriz, Qazvin)", "کارگاه‌های آهنگری (تبریز، قزوین)", None, None, False, [("part:crankshaft", 0.8), ("part:gear-set", 0.7)], []),
    ("cn-forgings", "Chinese forging exporters", "صادرکنندگان چینی قطعات فورج", "CN", None, False, [("part:crankshaft", 0.2), ("part:gear-set", 0.3)], []),
    ("iran-bearing", "Domestic bearing makers", "سازندگان داخلی بلبرینگ", None, None, False, [("part:bearings", 0.3)], []),
    ("cn-bearings", "Chinese bearing exporters", "صادرکنندگان چینی بلبرینگ", "CN", None, False, [("part:bearings", 0.7)], []),
    ("paint-makers", "Automotive paint makers", "تولیدکنندگان رنگ خودرو", None, None, False, [("part:paint", 0.7)], []),
    ("de-paint", "German coatings exporters", "صادرکنندگان آلمانی رنگ و پوشش", "DE", None, False, [("part:paint", 0.3)], []),
    ("at-gearbox", "Automatic gearbox makers (Chinese)", "سازندگان چینی گیربکس اتوماتیک", "CN", None, False, [("part:gearbox-at6", 1.0), ("part:gearbox-be4", 0.1)], []),
    ("ac-makers", "Domestic AC compressor assembler", "مونتاژکننده داخلی کمپرسور کولر", None, None, False, [("part:ac-compressor", 0.4)], []),
    ("cn-ac", "Chinese AC compressor makers", "سازندگان چینی کمپرسور کولر", "CN", None, False, [("part:ac-compressor", 0.6)], []),
    ("sapco", "SAPCO (Iran Khodro's parts sourcing)", "ساپکو (تأمین قطعات ایران‌خودرو)", None, "Tehran", False, [], ["SAPCO", "ساپکو"]),
]
for slug, name, nameFa, country, province, kb, supplies, aliases in MAKERS:
    sid = node(AU, f"supplier:{slug}", "Supplier", name, nameFa, country=country, province=province, knowledgeBased=kb, aliases=aliases or None, estimate=True)
    for part, share in supplies:
        edge(AU, "SUPPLIES", sid, part, share=share, estimate=True)
# The traders of Taiwanese chips are Iranian firms: the goods' origin is Taiwan.
for e in FILES[AU]["edges"]:
    if e["type"] == "SUPPLIES" and e["from"] == "supplier:tw-chips-via-traders":
        e["originCountry"] = "TW"
    if e["type"] == "SUPPLIES" and e["from"] == "supplier:de-ecu-via-uae":
        e["originCountry"] = "DE"
# East Azerbaijan's parts makers (article 004): about 600 units, able to make 70% of the parts cars need.
node(AU, "supplier:east-azerbaijan-parts-cluster", "Supplier", "East Azerbaijan auto-parts cluster (about 600 makers)", "خوشه قطعه‌سازان خودروی آذربایجان شرقی (حدود ۶۰۰ واحد)",
     province="East Azerbaijan", knowledgeBased=False, aliases=["قطعه‌سازان آذربایجان شرقی", "قطعه‌سازان استان"], sources=[src("article-004")],
     note="Stands for the province's ~600 parts makers with 25,000 jobs (article 004); modelled as one supplier of the parts they are known for.")
for part, share in [("part:chassis-parts", 0.3), ("part:piston", 0.3), ("part:headlamp", 0.3), ("part:seat", 0.2)]:
    edge(AU, "SUPPLIES", "supplier:east-azerbaijan-parts-cluster", part, share=share, estimate=True)
cite(AU, "supplier:east-azerbaijan-parts-cluster", src("article-004"), "تعداد قطعه‌سازان استان حدود ۶۰۰ واحد ... ظرفیت تولید ۷۰ درصد قطعات موردنیاز خودرو")

# ---------------------------------------------------------------------------------------------
# Localization projects: efforts to make imports at home; some deliberately in parallel.
# ---------------------------------------------------------------------------------------------
PR = file("projects", "Localization projects, with owners and progress tiers (article 004: 75/50/25%); some run in parallel on one item (article 000).")
PROJECTS = [
    # slug, name, nameFa, owner, progress, status, budget, startedAt, items, sources, aliases
    ("electrode-imidro", "IMIDRO graphite electrode localization", "بومی‌سازی الکترود گرافیتی ایمیدرو", "IMIDRO", 0.5, "ACTIVE", 120_000_000, "1400/03/01",
     ["part:graphite-electrode"], ["article-000"], []),
    ("electrode-mobarakeh", "Mobarakeh Steel graphite electrode plant", "طرح تولید الکترود گرافیتی فولاد مبارکه", "Mobarakeh Steel Co.", 0.25, "PLANNED", 200_000_000, None,
     ["part:graphite-electrode"], [], []),
    ("electrode-khuzestan", "Khuzestan Steel electrode joint venture", "طرح مشترک الکترود فولاد خوزستان", "Khuzestan Steel Co.", 0.25, "ACTIVE", None, None,
     ["part:graphite-electrode"], [], []),
    ("needle-coke", "Needle coke from refinery residues", "تولید کک سوزنی از باقیمانده پالایشگاه", "Research Institute of Petroleum Industry", 0.25, "ACTIVE", 30_000_000, None,
     ["product:needle-coke"], [], []),
    ("rolls-mobarakeh", "Mobarakeh Steel work-roll localization", "بومی‌سازی غلتک کاری فولاد مبارکه", "Mobarakeh Steel Co.", 0.75, "ACTIVE", None, None, ["part:mill-rolls"], [], []),
    ("rolls-esfahan", "Esfahan Steel roll foundry", "ریخته‌گری غلتک ذوب‌آهن اصفهان", "Esfahan Steel Co.", 0.5, "ACTIVE", None, None, ["part:mill-rolls"], [], []),
    ("steel-research-fund", "Iran Steel Research and Technology Fund", "صندوق پژوهش و فناوری فولاد ایران", "IMIDRO and the Iranian Steel Producers Association", 0.75, "ACTIVE", None, None,
     ["part:refractory-bricks"], ["article-001"], ["صندوق پژوهش و فناوری فولاد"]),
    ("steel-chain-localization-system", "Comprehensive localization system for the iron and steel chain (and the National Steel Atlas)",
     "سامانه جامع بومی‌سازی زنجیره آهن و فولاد (و اطلس ملی فولاد ایران)", "IMIDRO and the Iranian Steel Producers Association", 0.75, "ACTIVE", None, None,
     ["part:graphite-electrode"], ["article-001"],
     ["سامانه جامع بومی‌سازی زنجیره آهن و فولاد", "اطلس ملی فولاد ایران", "اطلس ملی فولاد", "انجمن تولیدکنندگان فولاد ایران", "انجمن فولاد", "Iranian Steel Producers Association"]),
    ("ecu-crouse", "Crouse ECU localization", "بومی‌سازی ECU کروز", "Crouse Industrial Group", 0.75, "ACTIVE", 8_000_000, None, ["part:ecu"], ["article-003"], []),
    ("ecu-sapco", "SAPCO and knowledge-based firms' ECU programme", "طرح ECU ساپکو و شرکت‌های دانش‌بنیان", "SAPCO", 0.5, "ACTIVE", 5_000_000, None, ["part:ecu"], ["article-003"], []),
    ("ecu-university", "University ECU design project", "طرح دانشگاهی طراحی ECU", "Sharif University of Technology", 0.25, "PLANNED", 1_000_000, None, ["part:ecu"], [], []),
    ("mcu-localization", "Automotive microcontroller design", "طراحی ریزپردازنده خودرویی", "SAPCO", 0.25, "PLANNED", 20_000_000, None, ["part:microcontroller"], ["article-003"], []),
    ("abs-localization", "ABS module localization", "بومی‌سازی ماژول ABS", "Iran Khodro (IKCO)", 0.5, "ACTIVE", None, None, ["part:abs-module"], ["article-003"], []),
    ("airbag-localization", "Airbag module localization", "بومی‌سازی کیسه هوا", "Iran Khodro (IKCO)", 0.5, "STALLED", None, None, ["part:airbag-module"], [], []),
    ("at-gearbox", "Automatic gearbox localization", "بومی‌سازی گیربکس اتوماتیک", "Iran Khodro Powertrain Co. (IPCO)", 0.25, "ACTIVE", 60_000_000, None, ["part:gearbox-at6"], ["article-003"], []),
    ("injector-localization", "Fuel injector localization", "بومی‌سازی انژکتور", "Crouse Industrial Group", 0.75, "DONE", None, None, ["part:fuel-injector"], [], []),
    ("tyre-cord", "Steel tyre cord plant", "طرح تولید سیم تایر فولادی", "Barez Industrial Group", 0.5, "ACTIVE", None, None, ["part:steel-tyre-cord"], [], []),
    ("tyre-cord-2", "Second steel tyre cord plant", "طرح دوم سیم تایر فولادی", "Kavir Tire", 0.25, "PLANNED", None, None, ["part:steel-tyre-cord"], [], []),
    ("coking-coal-tabas", "Tabas coking coal expansion", "توسعه زغال‌سنگ کک‌شو طبس", "IMIDRO", 0.5, "ACTIVE", None, None, ["product:coking-coal"], ["financialtribune-coking-coal"], []),
    ("ferroalloys-imidro", "Ferromanganese capacity expansion", "توسعه ظرفیت فرومنگنز", "IMIDRO", 0.25, "PLANNED", None, None, ["product:ferromanganese"], [], []),
    ("sarab-alumina", "Sarab nepheline syenite alumina plant", "طرح آلومینای نفلین سینیت سراب", "IMIDRO", 0.25, "PLANNED", None, None, ["product:alumina"], ["article-004"], []),
    ("kaleybar-alumina", "Kaleybar nepheline syenite processing", "طرح فرآوری نفلین سینیت کلیبر", "IMIDRO", 0.75, "ACTIVE", None, None, ["product:alumina"], ["article-004"], []),
    ("alumina-jajarm-expansion", "Jajarm alumina expansion", "توسعه آلومینای جاجرم", "IRALCO", 0.5, "ACTIVE", None, None, ["product:alumina"], [], []),
    ("pvb-film", "PVB interlayer film plant", "طرح تولید فیلم PVB", "Sekurit Iran", 0.25, "PLANNED", None, None, ["part:pvb-interlayer"], [], []),
    ("sungun-phase-3", "Sungun copper phase 3", "فاز سوم مس سونگون", "NICICO", 0.75, "ACTIVE", None, None, ["product:copper-concentrate"], ["article-004"], ["فاز سوم سونگون", "فاز سوم مس سونگون"]),
    ("imidro-equipment", "IMIDRO mining-equipment localization programme", "برنامه بومی‌سازی تجهیزات معدنی ایمیدرو", "IMIDRO", 0.5, "ACTIVE", None, "1404/01/15",
     ["part:mill-rolls"], ["article-000"], ["بومی‌سازی معدن و صنایع معدنی"]),
]
for slug, name, nameFa, owner, progress, status, budget, started, items, sources, aliases in PROJECTS:
    pid = node(PR, f"project:{slug}", "Project", name, nameFa, owner=owner, progress=progress, status=status, budget=budget, startedAt=started,
               aliases=aliases or None, sources=[src(s) for s in sources] or None, estimate=True)
    for item in items:
        edge(PR, "LOCALIZES", pid, item)
    for s in sources:
        cite(PR, pid, src(s))


# ---------------------------------------------------------------------------------------------
# Foreign currency (DOMAIN.md, "Foreign currency: import bills and what localization saves"):
# import volumes for the imported auto parts, the capacity each localization project adds, and
# budgets, progress and statuses. Kept in one block applied over the tables above, so the
# currency figures can be reviewed (and sourced) on their own.
# ---------------------------------------------------------------------------------------------
CURRENCY_PUBS = {
    "irasin-novin-electrode": ("Irasin: Mobarakeh Steel group at the opening of Novin Electrode Ardakan (EUR 245 M, 30,000 t first phase, EUR 54 M a year kept at home)",
                               "ایراسین: جلوگیری از خروج ۵۴ میلیون یورو ارز با افتتاح نوین الکترود اردکان", "Irasin", "https://www.irasin.ir", "fa"),
    "alvefagh-ardakan-electrode": ("Al-Vefagh: Ardakan graphite electrode plant, 30,000 t a year rising to 60,000 t, EUR 245 M",
                                   "الوفاق: کارخانه الکترود گرافیتی اردکان، ۳۰ هزار تن در سال", "Al-Vefagh", "https://al-vefagh.net/327320", "ar"),
    "miningnewspro-electrode-2018": ("Mining News Pro (citing SteelMint): USD 440 M allocated for about 100,000 t of graphite electrode imports a year",
                                     "ماینینگ نیوز پرو: تخصیص ۴۴۰ میلیون دلار برای واردات الکترود گرافیتی", "Mining News Pro", "http://miningnewspro.com/News/235260", "en"),
    "financialtribune-auto-parts-2018": ("Financial Tribune (citing IRICA): USD 2.89 B of auto parts imported in the year to March 2018",
                                         "فایننشال تریبیون: واردات ۲٫۸۹ میلیارد دلار قطعه خودرو در سال ۱۳۹۶", "Financial Tribune",
                                         "https://financialtribune.com/articles/economy-domestic-economy/84518/auto-parts-were-iran-s-main-import-last-year", "en"),
    "tehrantimes-auto-parts-2021": ("Tehran Times (citing IRICA): USD 576 M of auto parts imported in the year to March 2021",
                                    "تهران تایمز: واردات ۵۷۶ میلیون دلار قطعه خودرو در سال ۱۳۹۹", "Tehran Times",
                                    "https://www.tehrantimes.com/news/464394/Annual-imports-of-auto-parts-exceed-500m", "en"),
}
for key, (name, nameFa, publisher, url, lang) in CURRENCY_PUBS.items():
    node(S, f"source:{key}", "Source", name, nameFa, title=name, publisher=publisher, url=url, lang=lang)


def bom_demand():
    """Units a year of every car and part, from the cars' plant capacities down the bills of materials."""
    need = {}
    for slug, plants in CAR_PLANTS.items():
        need[f"product:{slug}"] = sum(cap for _, cap in plants)
    lines = [(e["from"], e["to"], e["quantity"]) for e in FILES[AU]["edges"] if e["type"] == "COMPONENT_OF"]
    for _ in range(10):  # the bills of materials are at most four levels deep
        for part in {f for f, _, _ in lines}:
            need[part] = sum(q * need.get(to, 0) for f, to, q in lines if f == part)
    return need


# Imported auto parts: customs publishes auto-parts imports only in total (USD 2.89 B in the year to
# March 2018, USD 576 M in the year to March 2021), not by part, so each foreign supply edge gets
# its share of the part's demand: the cars' output (440,000 a year) down the bills of materials.
# The totals are the check: the modelled auto-parts import bill sits between the two.
PART_DEMAND = bom_demand()
AU_COUNTRY = {n["id"]: n.get("country") for n in FILES[AU]["nodes"] if n["kind"] == "Supplier"}
for e in FILES[AU]["edges"]:
    if e["type"] != "SUPPLIES" or not e["to"].startswith("part:"):
        continue
    origin = e.get("originCountry") or AU_COUNTRY.get(e["from"])
    if origin and origin != "IR" and "volumePerYear" not in e:
        e["volumePerYear"] = round(e["share"] * PART_DEMAND[e["to"]])
        e["estimate"] = True
        e["note"] = "Import volume: the edge's share of the part's demand (car output down the bills of materials), an estimate; customs gives auto-parts imports only in total."
cite(ST, "part:graphite-electrode", src("miningnewspro-electrode-2018"), "USD 440 Mn for the import of graphite electrode; around 100,000 MT in last Persian year")

# Projects: (budget USD, progress, status, LOCALIZES capacityTpy per item, inputImportShare, sources, note).
# None leaves the value in PROJECTS as it is. Budgets and capacities are estimates unless a source is named.
PROJECT_CURRENCY = {
    "electrode-mobarakeh": (265_000_000, 0.9, "ACTIVE", 30_000, 0.55, ["irasin-novin-electrode", "alvefagh-ardakan-electrode"],
                            "Novin Electrode Ardakan: EUR 245 M (about USD 265 M) for 30,000 t a year in its first phase, opened and ramping up (progress 0.9 an estimate); "
                            "input import share 0.55 an estimate (needle coke, about half an electrode's cost, is imported). Its saving is measured against the 2018 imports."),
    "electrode-imidro": (None, None, None, 20_000, 0.55, [], "Capacity and input import share are estimates."),
    "electrode-khuzestan": (None, None, None, 20_000, 0.55, [], "No budget is public: the plan lists it as NO_BUDGET. Capacity is an estimate."),
    "steel-chain-localization-system": (2_000_000, None, None, 0, None, [], "An information system: it adds no capacity of its own (capacityTpy 0), so it saves no currency directly."),
    "needle-coke": (None, None, None, 20_000, 0.2, [], "Needle coke is imported only for home electrode making, which has barely begun: little to displace yet."),
    "rolls-mobarakeh": (25_000_000, None, None, 2_500, None, [], "Budget and capacity are estimates."),
    "rolls-esfahan": (40_000_000, None, None, 2_000, None, [], "Budget and capacity are estimates."),
    "imidro-equipment": (50_000_000, None, None, 1_500, None, [], "Budget and the roll capacity it adds are estimates."),
    "steel-research-fund": (10_000_000, None, None, 20_000, None, [], "The fund's refractory programme; budget and capacity are estimates."),
    "ecu-crouse": (None, None, None, 120_000, None, [], "Capacity is an estimate."),
    "ecu-sapco": (None, None, None, 80_000, None, [], "Capacity is an estimate."),
    "ecu-university": (None, None, None, 30_000, None, [], "Capacity is an estimate."),
    "mcu-localization": (None, None, None, 2_000_000, 0.6, [], "Capacity is an estimate; wafers would still be imported (input import share 0.6, an estimate)."),
    "abs-localization": (15_000_000, None, None, 200_000, None, [], "Budget and capacity are estimates."),
    "airbag-localization": (20_000_000, None, None, 400_000, None, [], "Budget and capacity are estimates."),
    "at-gearbox": (None, None, None, 50_000, None, [], "Capacity is an estimate."),
    "tyre-cord": (12_000_000, None, None, 2_000_000, 0.3, [], "Capacity (kg a year) and budget are estimates; wire rod partly imported (0.3, an estimate)."),
    "tyre-cord-2": (15_000_000, None, None, 1_500_000, 0.3, [], "Capacity (kg a year) and budget are estimates."),
    "coking-coal-tabas": (80_000_000, None, None, 1_000_000, None, [], "Budget and capacity are estimates."),
    "ferroalloys-imidro": (25_000_000, None, None, 25_000, None, [], "Budget and capacity are estimates."),
    "sarab-alumina": (400_000_000, None, None, 200_000, None, [], "Budget and capacity are estimates."),
    "kaleybar-alumina": (150_000_000, None, None, 100_000, None, [], "Budget and capacity are estimates."),
    "alumina-jajarm-expansion": (120_000_000, None, None, 200_000, None, [], "Budget and capacity are estimates."),
    "pvb-film": (10_000_000, None, None, 440_000, 0.5, [], "Budget and capacity (pieces a year) are estimates; PVB resin would be imported (0.5, an estimate)."),
}
PR_NODES = {n["id"]: n for n in FILES[PR]["nodes"]}
for slug, (budget, progress, status, capacity, input_share, sources, note) in PROJECT_CURRENCY.items():
    project = PR_NODES[f"project:{slug}"]
    for key, value in (("budget", budget), ("progress", progress), ("status", status)):
        if value is not None:
            project[key] = value
    project["note"] = note
    if sources:
        project["sources"] = sorted(set(project.get("sources", [])) | {src(s) for s in sources})
    for e in FILES[PR]["edges"]:
        if e["type"] == "LOCALIZES" and e["from"] == project["id"]:
            e["capacityTpy"] = capacity
            if input_share is not None:
                e["inputImportShare"] = input_share
            if sources:
                e["sources"] = [src(s) for s in sources]
            else:
                e["estimate"] = True
    for s in sources:
        cite(PR, project["id"], src(s))
cite(PR, "project:electrode-mobarakeh", src("irasin-novin-electrode"), "سرمایه‌گذاری ۲۴۵ میلیون یورویی، ظرفیت تولید ۳۰ هزار تن در فاز نخست ... جلوگیری از خروج ۵۴ میلیون یورو ارز")

# Jobs (DOMAIN.md, "A jobs floor"): only figures published for the project itself. Novin Electrode
# Ardakan: 520 jobs at its opening (Irasin, quoting Mobarakeh Steel's chief executive); Al-Vefagh
# reports 530 for the same opening, so the figure is marked as disputed in the note. Article 004's
# 12,000 jobs are for East Azerbaijan's 1,610 half-finished projects together: no seed project is
# that set, and splitting the total among Sungun, Kaleybar or Sarab would invent figures, so those
# projects (and every other one, for which no figure was found) leave jobs unset.
PROJECT_JOBS = {
    "electrode-mobarakeh": (520, "irasin-novin-electrode", "ایجاد اشتغال برای ۵۲۰ نفر",
                            "Jobs: 520 at its opening (Irasin); Al-Vefagh reports 530 for the same opening."),
}
for slug, (jobs, source, quote, note) in PROJECT_JOBS.items():
    project = PR_NODES[f"project:{slug}"]
    project["jobs"] = jobs
    project["note"] = f"{project['note']} {note}"
    project["sources"] = sorted(set(project.get("sources", [])) | {src(source)})
    cited = [e for e in FILES[PR]["edges"] if e["type"] == "CITES" and e["from"] == project["id"] and e["to"] == src(source)]
    if cited and cited[0].get("quote"):
        cited[0]["quote"] = f"{cited[0]['quote']} ... {quote}"
    else:
        cite(PR, project["id"], src(source), quote)
cite(PR, "project:electrode-mobarakeh", src("alvefagh-ardakan-electrode"), "وقد وفرت فرص عمل لـ 530 شخصا")
# Item categories (src/model/categories.ts): what kind of good each product or part is, so that
# search answers "car" or «خودرو» with the cars and reports can group by category and sector.
# ---------------------------------------------------------------------------------------------
CATEGORY_OF = {
    "PASSENGER_CAR": ["product:peugeot-pars", "product:peugeot-207i", "product:dena-plus", "product:runna-plus", "product:tara", "product:samand-soren"],
    "BODY_AND_CHASSIS": ["part:body-in-white", "part:outer-body-panels", "part:chassis-parts"],
    "POWERTRAIN": ["part:engine-tu5", "part:engine-ef7", "part:gearbox-be4", "part:gearbox-at6", "part:fuel-injector", "part:piston",
                   "part:crankshaft", "part:gear-set", "part:bearings"],
    "AUTO_ELECTRONICS": ["part:ecu", "part:microcontroller", "part:power-semiconductor", "part:pcb", "part:sensors"],
    "WIRING": ["part:wire-harness", "part:connectors"],
    "GLASS": ["part:windscreen", "part:side-glass", "part:float-glass"],
    "TYRE": ["part:tyre", "part:steel-tyre-cord"],
    "INTERIOR": ["part:seat", "part:instrument-panel"],
    "BRAKES_AND_SAFETY": ["part:brake-system", "part:abs-module", "part:brake-pads", "part:airbag-module"],
    "ELECTRICAL": ["part:battery", "part:headlamp", "part:ac-compressor"],
    "PAINT": ["part:paint"],
    "POLYMER": ["part:natural-rubber", "part:synthetic-rubber", "part:carbon-black", "part:polyurethane-foam", "part:pvb-interlayer", "product:pvc-compound"],
    "CHEMICAL": ["product:sulfuric-acid", "product:flotation-reagents", "product:aluminium-fluoride", "product:soda-ash"],
    "IRON_ORE": ["product:iron-ore", "product:iron-ore-concentrate", "product:iron-ore-pellet"],
    "IRON": ["product:dri", "product:hot-metal", "product:steel-scrap"],
    "SEMI_FINISHED_STEEL": ["product:crude-steel", "product:steel-slab", "product:steel-billet"],
    "FLAT_STEEL": ["product:hot-rolled-coil", "product:cold-rolled-coil", "product:galvanized-sheet", "product:steel-plate"],
    "LONG_STEEL": ["product:rebar", "product:steel-sections"],
    "COAL_AND_COKE": ["product:coking-coal", "product:coke"],
    "FERROALLOY": ["product:manganese-ore", "product:chromite", "product:ferromanganese", "product:ferrosilicon", "product:ferrochrome", "product:ferromolybdenum"],
    "ELECTRODE_AND_CARBON": ["part:graphite-electrode", "product:needle-coke", "product:calcined-petroleum-coke", "product:carbon-anode"],
    "REFRACTORY": ["part:refractory-bricks"],
    "MILL_SPARES": ["part:mill-rolls"],
    "FLUX_AND_MINERALS": ["product:limestone", "product:lime", "product:dolomite", "product:quartzite"],
    "FUEL": ["product:natural-gas"],
    "COPPER": ["product:copper-ore", "product:copper-concentrate", "product:copper-anode", "product:copper-cathode", "product:copper-wire-rod", "product:copper-wire"],
    "ALUMINIUM": ["product:bauxite", "product:nepheline-syenite", "product:alumina", "product:aluminium-ingot", "product:aluminium-alloy-ingot"],
    "ALUMINIUM_CASTING": ["part:aluminium-cylinder-head", "part:aluminium-engine-block", "part:alloy-wheel", "part:gearbox-housing"],
    "ZINC_AND_LEAD": ["product:zinc-ore", "product:zinc-ingot", "part:lead"],
    "MINOR_METALS": ["product:molybdenum-concentrate"],
}
_categorised = {}
for category, ids in CATEGORY_OF.items():
    for item in ids:
        if item in _categorised:
            raise SystemExit(f"{item} has two categories")
        _categorised[item] = category
_items = {rec["id"]: rec for data in FILES.values() for rec in data["nodes"] if rec["kind"] in ("Product", "Part")}
_unknown = sorted(set(_categorised) - set(_items))
_missing = sorted(set(_items) - set(_categorised))
if _unknown or _missing:
    raise SystemExit(f"CATEGORY_OF: unknown items {_unknown}, items without a category {_missing}")
for item, category in _categorised.items():
    _items[item]["category"] = category

# Operators and owners known by an abbreviation also carry their full name, which people search for
# ("National Iranian Copper" finds NICICO's plants).
FULL_NAMES = {"NICICO": "National Iranian Copper Industries Co. (NICICO)"}
for data in FILES.values():
    for rec in data["nodes"]:
        for key in ("operator", "owner"):
            if rec.get(key) in FULL_NAMES:
                rec[key] = FULL_NAMES[rec[key]]


# ---------------------------------------------------------------------------------------------
# Organisations, groups, sanctions and dates (issue 14): who operates, owns, supplies and runs
# what; which nodes stand for many firms; who is sanctioned; when every sourced figure was true
# and when every Source was published. One block applied over the tables above.
# ---------------------------------------------------------------------------------------------
OR = file("organizations", "Organisations: who operates the seed's mines and plants, who owns whom where public, who runs the projects, and sanctions.")
ORG_PUBS = {
    # key: (name, nameFa, publisher, url, lang, publishedAt, date verified?)
    "straitstimes-kfcc-2021": ("Reuters (via The Straits Times): US blacklists Chinese graphite-electrode maker KFCC, 12 Iranian steelmakers and MIDHCO",
                               "رویترز: تحریم سازنده چینی الکترود گرافیتی و ۱۲ فولادساز ایرانی", "Reuters / The Straits Times",
                               "https://www.straitstimes.com/world/washington-hits-iran-with-fresh-sanctions", "en", "2021-01-07", True),
    "irandaily-192686": ("Iran Daily (citing Platts): MSC buys 16% stake in MMDIC, taking it to 35.4%", "ایران دیلی: خرید ۱۶ درصد سهام میدکو توسط فولاد مبارکه",
                         "Iran Daily", "http://www.iran-daily.com/News/192686.html", "en", "2017-05-13", True),
    "omid-investment-holdings": ("Omid Investment Management Group: holdings (Chadormalu 39.5%, Gohar Zamin 26.8%)", "گروه مدیریت سرمایه‌گذاری امید: شرکت‌های زیرمجموعه",
                                 "Omid Investment", "https://omidinvestment.ir/chadormalu-mining-and-industrial-co/?lang=en", "en", "2026-12-01", False),
    "financialtribune-sangan-chadormalu-owners": ("Financial Tribune: legal dispute over Chadormalu and Golgohar (over 40% of Chadormalu to a Bank Sepah affiliate)",
                                                  "فایننشال تریبیون: اختلاف حقوقی بر سر چادرملو و گل‌گهر", "Financial Tribune",
                                                  "https://financialtribune.com/articles/economy-business-and-markets/10502/legal-dispute-heats-up-over-2-major-mines", "en", "2015-01-20", False),
    "financialtribune-imidro-subsidiaries": ("Financial Tribune: IMIDRO's subsidiaries (NISCO, NICICO, SALCO, IMPASCO) set up a fund", "فایننشال تریبیون: شرکت‌های زیرمجموعه ایمیدرو",
                                             "Financial Tribune", "https://financialtribune.com/articles/business-and-markets/105024/imidro-to-launch-13-billion-fund-to-prop-up-mineral-firms", "en", "2020-08-20", False),
    "mehrnews-aluminium-2023": ("Mehr News: IMIDRO's subsidiaries made 632,166 t of aluminium ingot (SALCO, IRALCO, Almahdi, Iran Alumina)", "مهر: تولید شمش آلومینیوم شرکت‌های تابعه ایمیدرو",
                                "Mehr News Agency", "https://en.mehrnews.com/news/199887/IMIDRO-registers-13-rise-in-annual-aluminum-ingot-output", "en", "2023-04-25", True),
    "steelonthenet-imidro": ("Steel on the Net: history of the IMIDRO group (a state-owned holding, controlled through the ministry)", "تاریخچه گروه ایمیدرو",
                             "steelonthenet.com", "http://www.steelonthenet.com/kb/history-imidro.html", "en", "2017-12-31", False),
    "irna-esfahan-steel": ("IRNA: Esfahan Steel Company, directly controlled by the Ministry of Industry and Mining", "ایرنا: ذوب‌آهن اصفهان", "IRNA",
                           "https://de.irna.ir/photo/83612663/Esfahan-Steel-Company", "de", "2017-12-31", False),
    "wikipedia-iran-khodro": ("Wikipedia: Iran Khodro (subsidiaries SAPCO, IPCO, …)", "ویکی‌پدیا: ایران‌خودرو", "Wikipedia",
                              "https://en.wikipedia.org/wiki/Iran_Khodro", "en", "2026-12-01", False),
}
for key, (name, nameFa, publisher, url, lang, published, verified) in ORG_PUBS.items():
    note = None if verified else "Publication date approximate (the page gives none, or it was read on this date)."
    node(S, f"source:{key}", "Source", name, nameFa, title=name, publisher=publisher, url=url, lang=lang, publishedAt=published, note=note,
         **({} if verified else {"estimate": True}))

# Every Source's publication date: verified where the page states it, else approximate (from the
# period its figures describe) and the Source is marked an estimate with a note saying so.
PUBLISHED = {
    "article-000": ("2025-05-15", False), "article-001": ("2025-05-15", False), "article-002": ("2023-09-15", False),
    "article-003": ("2025-05-15", False), "article-004": ("2025-05-15", False),
    "trend-gol-e-gohar": ("2020-03-13", True), "chadormalu-about": ("2026-12-01", False), "financialtribune-sangan": ("2016-06-01", False),
    "iranbn-sangan-pellet": ("2016-06-01", False), "irandaily-265076": ("2020-05-01", False), "fouladplus-msc": ("2024-01-15", False),
    "msc-dri": ("2019-05-01", False), "gem-steel-tracker": ("2023-12-01", False), "kallanish-esfahan": ("2019-01-15", False),
    "middleeastmetals-copper": ("2019-06-01", False), "tehrantimes-441927": ("2019-12-01", False), "usgs-iran-2014": ("2017-07-01", False),
    "steelmint-eaf": ("2019-06-01", False), "irsteel-electrodes-2018": ("2019-02-01", False), "mehrnews-electrode-sanctions": ("2019-12-17", True),
    "steelorbis-electrode-2021": ("2021-01-06", False), "financialtribune-coking-coal": ("2017-05-01", False), "irandaily-190885": ("2017-04-15", False),
    "irandaily-265344": ("2020-05-01", False), "irasin-novin-electrode": ("2025-01-15", False), "alvefagh-ardakan-electrode": ("2025-01-15", False),
    "miningnewspro-electrode-2018": ("2018-09-01", False), "financialtribune-auto-parts-2018": ("2018-05-01", False),
    "tehrantimes-auto-parts-2021": ("2021-08-01", False),
}
SOURCE_NODES = {n["id"]: n for n in FILES[S]["nodes"]}
for key, (published, verified) in PUBLISHED.items():
    n = SOURCE_NODES[src(key)]
    n["publishedAt"] = published
    if not verified:
        n["estimate"] = True
        n["note"] = (n.get("note", "") + " " if n.get("note") else "") + "Publication date approximate (the copy used gives none; dated by the period it reports)."
missing = [i for i, n in SOURCE_NODES.items() if "publishedAt" not in n]
if missing:
    raise SystemExit(f"Sources without publishedAt: {missing}")

# Organisations: (slug, name, nameFa, type, country, aliases, sources)
ORGS = [
    ("mimt", "Ministry of Industry, Mine and Trade", "وزارت صنعت، معدن و تجارت", "GOVERNMENT", None, ["MIMT", "وزارت صمت", "صمت"], ["steelonthenet-imidro"]),
    ("imidro", "IMIDRO (Iranian Mines and Mining Industries Development and Renovation Organization)", "سازمان توسعه و نوسازی معادن و صنایع معدنی ایران (ایمیدرو)",
     "STATE_HOLDING", None, ["IMIDRO", "ایمیدرو"], ["steelonthenet-imidro", "financialtribune-imidro-subsidiaries"]),
    ("msc", "Mobarakeh Steel Company", "شرکت فولاد مبارکه اصفهان", "COMPANY", None, ["MSC", "Mobarakeh Steel Co."], ["irandaily-192686"]),
    ("mmdic", "Mines and Metals Development Investment Co. (MMDIC)", "شرکت سرمایه‌گذاری توسعه معادن و فلزات", "COMPANY", None, ["MMDIC", "ومعادن"], ["irandaily-192686"]),
    ("bank-sepah", "Bank Sepah", "بانک سپه", "COMPANY", None, [], ["financialtribune-sangan-chadormalu-owners"]),
    ("omid-investment", "Omid Investment Management Group", "گروه مدیریت سرمایه‌گذاری امید", "COMPANY", None, ["Omid Investment"], ["omid-investment-holdings"]),
    ("gol-e-gohar", "Gol-e-Gohar Mining and Industrial Co.", "شرکت معدنی و صنعتی گل‌گهر", "COMPANY", None, ["Golgohar Co."], ["trend-gol-e-gohar"]),
    ("chadormalu", "Chadormalu Mining and Industrial Co.", "شرکت معدنی و صنعتی چادرملو", "COMPANY", None, [], ["chadormalu-about", "omid-investment-holdings"]),
    ("gohar-zamin", "Gohar Zamin Iron Ore Co.", "شرکت سنگ‌آهن گهرزمین", "COMPANY", None, [], ["omid-investment-holdings"]),
    ("sangan", "Sangan Iron Ore Co.", "شرکت سنگ‌آهن سنگان", "COMPANY", None, [], []),
    ("icioc", "Iran Central Iron Ore Co.", "شرکت سنگ‌آهن مرکزی ایران", "COMPANY", None, [], []),
    ("khuzestan-steel", "Khuzestan Steel Co.", "شرکت فولاد خوزستان", "COMPANY", None, [], []),
    ("hormozgan-steel", "Hormozgan Steel Co.", "شرکت فولاد هرمزگان", "COMPANY", None, [], []),
    ("esfahan-steel", "Esfahan Steel Co.", "شرکت ذوب‌آهن اصفهان", "COMPANY", None, [], ["irna-esfahan-steel"]),
    ("zarand-steel", "Zarand Iranian Steel Co.", "شرکت فولاد زرند ایرانیان", "COMPANY", None, [], ["straitstimes-kfcc-2021"]),
    ("midhco", "Middle East Mines and Mineral Industries Development Holding Co. (MIDHCO)", "هلدینگ توسعه معادن و صنایع معدنی خاورمیانه (میدکو)", "COMPANY", None,
     ["MIDHCO", "میدکو"], ["straitstimes-kfcc-2021"]),
    ("oxin-steel", "Oxin Steel Co.", "شرکت فولاد اکسین خوزستان", "COMPANY", None, [], []),
    ("kavir-steel", "Kavir Steel Co.", "شرکت فولاد کویر کاشان", "COMPANY", None, [], []),
    ("nisco", "National Iranian Steel Company (NISCO)", "شرکت ملی فولاد ایران", "COMPANY", None, ["NISCO"], ["financialtribune-imidro-subsidiaries"]),
    ("nicico", "National Iranian Copper Industries Co. (NICICO)", "شرکت ملی صنایع مس ایران", "COMPANY", None, ["NICICO", "مس ایران"], ["financialtribune-imidro-subsidiaries"]),
    ("iralco", "Iran Aluminium Co. (IRALCO)", "شرکت آلومینیوم ایران (ایرالکو)", "COMPANY", None, [], ["mehrnews-aluminium-2023"]),
    ("almahdi", "Almahdi Aluminium Co.", "شرکت آلومینیوم المهدی", "COMPANY", None, [], ["mehrnews-aluminium-2023"]),
    ("salco", "South Aluminium Co. (SALCO)", "شرکت آلومینیوم جنوب (سالکو)", "COMPANY", None, [], ["mehrnews-aluminium-2023", "financialtribune-imidro-subsidiaries"]),
    ("iran-alumina", "Iran Alumina Co.", "شرکت آلومینای ایران", "COMPANY", None, [], ["mehrnews-aluminium-2023"]),
    ("ikco", "Iran Khodro Industrial Group (IKCO)", "گروه صنعتی ایران‌خودرو", "COMPANY", None, ["IKCO Group"], ["wikipedia-iran-khodro"]),
    ("sapco", "SAPCO (Supplying Automotive Parts Co.)", "شرکت طراحی مهندسی و تأمین قطعات ایران‌خودرو (ساپکو)", "COMPANY", None, [], ["wikipedia-iran-khodro"]),
    ("ipco", "Iran Khodro Powertrain Co. (IPCO)", "شرکت مهندسی و تولید موتور ایران‌خودرو", "COMPANY", None, [], ["wikipedia-iran-khodro"]),
    ("crouse", "Crouse Industrial Group", "گروه صنعتی کروز", "COMPANY", None, [], []),
    ("barez", "Barez Industrial Group", "گروه صنعتی بارز", "COMPANY", None, [], []),
    ("kavir-tire", "Kavir Tire Co.", "شرکت کویر تایر", "COMPANY", None, [], []),
    ("sekurit-iran", "Sekurit Iran", "سکوریت ایران", "COMPANY", None, [], []),
    ("ispa", "Iranian Steel Producers Association", "انجمن تولیدکنندگان فولاد ایران", "ASSOCIATION", None,
     ["انجمن تولیدکنندگان فولاد ایران", "انجمن فولاد", "انجمن تولیدکنندگان فولاد", "ISPA"], ["article-001"]),
    ("sharif-university", "Sharif University of Technology", "دانشگاه صنعتی شریف", "UNIVERSITY", None, ["دانشگاه شریف"], []),
    ("ripi", "Research Institute of Petroleum Industry (RIPI)", "پژوهشگاه صنعت نفت", "RESEARCH_INSTITUTE", None, ["RIPI"], []),
    ("kfcc", "Kaifeng Pingmei New Carbon Materials Technology Co. (KFCC)", "شرکت فناوری مواد کربنی جدید کایفنگ پینگمی", "COMPANY", "CN", ["KFCC"],
     ["straitstimes-kfcc-2021", "steelorbis-electrode-2021"]),
    ("henan-yicheng", "Henan Yicheng New Energy", "انرژی نو ییچنگ هنان", "COMPANY", "CN", [], ["straitstimes-kfcc-2021"]),
]
for slug, name, nameFa, otype, country, aliases, sources in ORGS:
    node(OR, f"org:{slug}", "Organization", name, nameFa, type=otype, country=country, aliases=aliases or None,
         sources=[src(x) for x in sources] or None)
    for x in sources:
        cite(OR, f"org:{slug}", src(x))
# The association's names were aliases of the steel-chain localization system; they belong to it now.
for n in FILES[PR]["nodes"]:
    if n["id"] == "project:steel-chain-localization-system":
        n["aliases"] = [a for a in n["aliases"] if "انجمن" not in a and "Association" not in a]

# Sanctions where a source states them: OFAC designated KFCC, Zarand Iranian Steel and MIDHCO (which
# owns or controls Zarand) on 5 January 2021 (Reuters, SteelOrbis).
OR_NODES = {n["id"]: n for n in FILES[OR]["nodes"]}
for slug in ["kfcc", "zarand-steel", "midhco"]:
    OR_NODES[f"org:{slug}"]["sanctions"] = [{"regime": "US-OFAC", "listedAt": "2021-01-05", "source": src("straitstimes-kfcc-2021")}]

# Operators: the plant tables' operator text, as organisations.
OPERATOR_ORG = {
    "Mobarakeh Steel Co.": "msc", "NICICO": "nicico", "Esfahan Steel Co.": "esfahan-steel", "Iran Khodro (IKCO)": "ikco",
    "Gol-e-Gohar Iron Ore Co.": "gol-e-gohar", "Chadormalu Mining and Industrial Co.": "chadormalu", "Khuzestan Steel Co.": "khuzestan-steel",
    "IMIDRO": "imidro", "Iran Central Iron Ore Co.": "icioc", "Hormozgan Steel Co.": "hormozgan-steel", "Sangan Iron Ore Co.": "sangan",
    "Gohar Zamin Iron Ore Co.": "gohar-zamin", "Zarand Iranian Steel Co.": "zarand-steel", "Oxin Steel Co.": "oxin-steel", "Kavir Steel Co.": "kavir-steel",
    "Iran Alumina Co. (IRALCO group)": "iran-alumina", "IRALCO": "iralco", "Almahdi Aluminium Co.": "almahdi", "SALCO": "salco",
}
# Operators written out in full (FULL_NAMES) are the same organisations.
for short, full in FULL_NAMES.items():
    if short in OPERATOR_ORG:
        OPERATOR_ORG.setdefault(full, OPERATOR_ORG[short])
for f in (ST, CU, AL, AU):
    for n in FILES[f]["nodes"]:
        if n["kind"] == "Plant" and n.get("operator") in OPERATOR_ORG:
            edge(OR, "OPERATES", f"org:{OPERATOR_ORG[n['operator']]}", n["id"])
# The mines are worked by the companies that bear their names. The smelters' anode plants are one
# group node for three plants (one per smelter): no single smelter operates the group, so none is
# given an OPERATES edge to it (that would make each smelter stop all three).
for mine, org in [("gol-e-gohar", "gol-e-gohar"), ("chadormalu", "chadormalu"), ("sangan", "sangan"), ("choghart", "icioc"), ("se-chahun", "icioc"),
                  ("gohar-zamin", "gohar-zamin"), ("jalal-abad", "icioc"), ("sarcheshmeh", "nicico"), ("sungun", "nicico"), ("miduk", "nicico"),
                  ("darehzar", "nicico"), ("chahar-gonbad", "nicico"), ("ijo", "nicico")]:
    edge(OR, "OPERATES", f"org:{org}", f"mine:{mine}")

# Ownership where public. A share is given only where a source states it; an OWNS edge without
# one is a subsidiary whose share the sources do not give (it counts as control, not exact).
OWNERSHIP = [
    # owner, held, share, asOf, sources, note
    ("mimt", "imidro", None, None, ["steelonthenet-imidro"], "IMIDRO is a state-owned holding controlled through the ministry."),
    ("mimt", "esfahan-steel", None, None, ["irna-esfahan-steel"], "Directly controlled by the ministry (IRNA)."),
    ("imidro", "nisco", None, None, ["financialtribune-imidro-subsidiaries"], "A subsidiary of IMIDRO."),
    ("imidro", "nicico", None, None, ["financialtribune-imidro-subsidiaries"], "A subsidiary of IMIDRO."),
    ("imidro", "salco", None, None, ["financialtribune-imidro-subsidiaries", "mehrnews-aluminium-2023"], "A subsidiary of IMIDRO."),
    ("imidro", "iralco", None, None, ["mehrnews-aluminium-2023"], "Listed among IMIDRO's subsidiaries."),
    ("imidro", "almahdi", None, None, ["mehrnews-aluminium-2023"], "Listed among IMIDRO's subsidiaries."),
    ("imidro", "iran-alumina", None, None, ["mehrnews-aluminium-2023"], "Listed among IMIDRO's subsidiaries."),
    ("msc", "mmdic", 0.354, "2017-05", ["irandaily-192686"], "35.4% after buying a further 16.1% in May 2017."),
    ("bank-sepah", "omid-investment", None, None, ["financialtribune-sangan-chadormalu-owners"], "Bank Sepah's investment arm (a Bank Sepah affiliate holds Chadormalu shares)."),
    ("omid-investment", "chadormalu", 0.395, "2026", ["omid-investment-holdings"], "Omid Investment's stated ownership percentage."),
    ("omid-investment", "gohar-zamin", 0.268, "2026", ["omid-investment-holdings"], "Omid Investment's stated ownership percentage."),
    ("midhco", "zarand-steel", None, None, ["straitstimes-kfcc-2021"], "OFAC: MIDHCO owns, controls or operates Zarand Iranian Steel."),
    ("ikco", "sapco", None, None, ["wikipedia-iran-khodro"], "A subsidiary of Iran Khodro."),
    ("ikco", "ipco", None, None, ["wikipedia-iran-khodro"], "A subsidiary of Iran Khodro."),
    ("henan-yicheng", "kfcc", None, None, ["straitstimes-kfcc-2021"], "Filings show KFCC is owned by Henan Yicheng New Energy (Reuters)."),
]
for owner, held, share, as_of, sources, note in OWNERSHIP:
    edge(OR, "OWNS", f"org:{owner}", f"org:{held}", share=share, asOf=as_of, sources=[src(x) for x in sources], note=note)

# Suppliers that are known firms.
for supplier, org in [("ipco", "ipco"), ("ikco-press-shop", "ikco"), ("sapco", "sapco"), ("crouse", "crouse"), ("barez", "barez"), ("kavir-tire", "kavir-tire"),
                      ("sekurit-iran", "sekurit-iran"), ("sarcheshmeh-moly", "nicico")]:
    edge(OR, "IS", f"supplier:{supplier}", f"org:{org}")

# The sanctioned Chinese electrode maker: one member of the Chinese aggregate, with an estimated
# part of its tonnage ("thousands of metric tons" from December 2019 to June 2020, OFAC).
node(ST, "supplier:cn-kfcc", "Supplier", "Kaifeng Pingmei New Carbon Materials (KFCC), graphite electrodes", "کایفنگ پینگمی (KFCC)، الکترود گرافیتی", country="CN",
     knowledgeBased=False, sources=[src("straitstimes-kfcc-2021")], estimate=True,
     note="Designated by OFAC on 5 Jan 2021 for supplying graphite electrodes to Iranian steelmakers; its tonnage (2,500 t a year) is an estimate from 'thousands of metric tons' in seven months, taken out of the Chinese aggregate.")
edge(ST, "SUPPLIES", "supplier:cn-kfcc", "part:graphite-electrode", share=0.023, volumePerYear=2_500, estimate=True)
for e in FILES[ST]["edges"]:
    if e["type"] == "SUPPLIES" and e["from"] == "supplier:cn-electrode-makers":
        e["share"], e["volumePerYear"] = 0.707, 79_812 - 2_500
        e["note"] = "SteelMint's China total (73%, 79,812 t in 2018) less KFCC's estimated 2,500 t, modelled on its own."
edge(OR, "IS", "supplier:cn-kfcc", "org:kfcc")
edge(OR, "MEMBER_OF", "supplier:cn-kfcc", "supplier:cn-electrode-makers")
cite(OR, "supplier:cn-kfcc", src("steelorbis-electrode-2021"), "a Chinese electrode supplier sanctioned on 5 Jan 2021")
# The State Department's advisory (16 Dec 2019) makes every electrode and needle-coke delivery a sanctions risk.
ALL_NODES = {n["id"]: n for f in FILES.values() for n in f["nodes"]}
for supplier in ["cn-electrode-makers", "de-electrode-makers", "in-electrode-makers", "electrode-traders", "cn-needle-coke", "cn-kfcc"]:
    ALL_NODES[f"supplier:{supplier}"]["riskFlags"] = ["SANCTIONS_ADVISORY"]

# Projects: who runs them (their owner text, as organisations).
OWNER_ORGS = {
    "IMIDRO": ["imidro"], "Mobarakeh Steel Co.": ["msc"], "Khuzestan Steel Co.": ["khuzestan-steel"], "Esfahan Steel Co.": ["esfahan-steel"],
    "Research Institute of Petroleum Industry": ["ripi"], "IMIDRO and the Iranian Steel Producers Association": ["imidro", "ispa"],
    "Crouse Industrial Group": ["crouse"], "SAPCO": ["sapco"], "Sharif University of Technology": ["sharif-university"], "Iran Khodro (IKCO)": ["ikco"],
    "Iran Khodro Powertrain Co. (IPCO)": ["ipco"], "Barez Industrial Group": ["barez"], "Kavir Tire": ["kavir-tire"], "IRALCO": ["iralco"],
    "Sekurit Iran": ["sekurit-iran"], "NICICO": ["nicico"],
}
# Owners written out in full (FULL_NAMES) are the same organisations.
for short, full in FULL_NAMES.items():
    OWNER_ORGS.setdefault(full, OWNER_ORGS[short])
for n in FILES[PR]["nodes"]:
    for org in OWNER_ORGS[n["owner"]]:
        edge(OR, "RUNS", f"org:{org}", n["id"])

# Groups: nodes that stand for many firms or sites. The four the chokepoint answers name, and the
# other aggregates (suppliers "by country", clusters, "many small firms").
GROUPS = {
    "plant:cable-makers": None, "plant:anode-plants": 3, "plant:alloy-ingot-casters": None, "plant:tabriz-aluminium-foundries": None,
    "plant:scrap-yards": None, "plant:private-rod-mills": None, "plant:zanjan-zinc": None, "plant:alloy-wheel-makers": None,
    "supplier:east-azerbaijan-parts-cluster": 600, "supplier:tabriz-body-parts": None,
}
for n in ALL_NODES.values():
    if n["kind"] == "Supplier" and (n.get("country") not in (None, "IR") or "(aggregate)" in n["name"]) and n["id"] != "supplier:cn-kfcc":
        GROUPS.setdefault(n["id"], None)
for id, count in GROUPS.items():
    ALL_NODES[id]["group"] = True
    if count:
        ALL_NODES[id]["memberCount"] = count
ALL_NODES["plant:anode-plants"]["note"] = "One anode plant at each of the three smelters (IRALCO, Almahdi, SALCO), modelled as one group."

# Expected completion of the live projects: none is published, so an estimate by progress tier
# (article 004's 75/50/25 %), from 2026: a quarter of the way takes about four more years.
COMPLETION_BY_PROGRESS = {0.9: "2026", 0.75: "2026-12", 0.5: "2028", 0.25: "2030"}
for n in FILES[PR]["nodes"]:
    if n.get("status") in ("ACTIVE", "PLANNED", "STALLED") and n.get("progress") in COMPLETION_BY_PROGRESS:
        n["expectedCompletion"] = COMPLETION_BY_PROGRESS[n["progress"]] if n["status"] != "STALLED" else "2031"
        n["note"] = (n.get("note", "") + " " if n.get("note") else "") + "Expected completion: an estimate from its progress tier."

# asOf on every sourced figure: the period it describes where the source says, else the year the
# source was published. Estimated figures stay undated (staleFigures lists them with undated: true).
SOURCE_ASOF = {
    "trend-gol-e-gohar": "2020", "chadormalu-about": "2026", "financialtribune-sangan": "2016", "iranbn-sangan-pellet": "2016",
    "fouladplus-msc": "2023", "msc-dri": "2019-03", "gem-steel-tracker": "2023", "kallanish-esfahan": "2018", "middleeastmetals-copper": "2019",
    "tehrantimes-441927": "2019-03", "usgs-iran-2014": "2014", "irsteel-electrodes-2018": "2018", "irandaily-265344": "2020",
    "irasin-novin-electrode": "2025", "alvefagh-ardakan-electrode": "2025", "article-004": "2025", "straitstimes-kfcc-2021": "2020-06",
}
FIGURES = ["capacityTpy", "reservesMt", "unitValueUsd", "finalDemand", "progress", "budget", "share", "volumePerYear", "quantityPerUnit", "quantity", "valueShare", "inputImportShare"]
for f in FILES.values():
    for r in f["nodes"] + f["edges"]:
        if "asOf" in r or r.get("estimate") or not any(k in r for k in FIGURES):
            continue
        dates = [SOURCE_ASOF[s[len("source:"):]] for s in r.get("sources", []) if s[len("source:"):] in SOURCE_ASOF]
        if dates:
            r["asOf"] = max(dates)


# ---------------------------------------------------------------------------------------------
# Output: one record a line, so a reviewer can diff a change.
# ---------------------------------------------------------------------------------------------
def dump(name, data):
    lines = ['{', '  "format": "zanjir/1",', '  "homeCountry": "IR",', f'  "description": {json.dumps(data["description"], ensure_ascii=False)},']
    for section in ("nodes", "edges"):
        records = data[section]
        lines.append(f'  "{section}": [')
        for i, rec in enumerate(records):
            lines.append("    " + json.dumps(rec, ensure_ascii=False) + ("," if i < len(records) - 1 else ""))
        lines.append("  ]" + ("," if section == "nodes" else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    check = "--check" in sys.argv
    stale = []
    for name, data in FILES.items():
        path = os.path.join(HERE, f"{name}.json")
        text = dump(name, data)
        if check:
            with open(path, encoding="utf-8") as fh:
                if fh.read() != text:
                    stale.append(path)
        else:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
    chain_nodes = sum(1 for k in IDS.values() if k != "Source")
    chain_edges = sum(1 for d in FILES.values() for e in d["edges"] if e["type"] not in ("CITES", "MENTIONS"))
    print(f"{chain_nodes} chain nodes, {len(IDS) - chain_nodes} sources, {chain_edges} chain edges", file=sys.stderr)
    if stale:
        raise SystemExit("stale, re-run seed/generate.py: " + ", ".join(stale))


main()
