/// The report's inline stylesheet: screen layout, event colours, and print rules for A4
/// (timeline and calendar on landscape pages, one cost sheet and one roster per page).
enum ReportStyle {
    /// The start of a self-contained German page in the report's style, up to `<body>`;
    /// `title` is already escaped.
    static func documentStart(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <link rel="icon" href="data:,">
        <style>
        \(css)
        </style>
        </head>
        <body>

        """
    }

    static let css = """
    :root { --prep: #2f6fb3; --workshop: #e07b00; --followup: #2e8b57; --pinned: #7b4fa0; --exchange: #c9a000;
            --unscheduled: #c62828; --ink: #1d2430; --muted: #5b6472; --line: #d9dde3; --horizon: #fff6d6; }
    * { box-sizing: border-box; }
    body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1240px;
           padding: 16px 24px 40px; font-size: 14px; line-height: 1.4; }
    h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 0 0 8px; } h3 small { font-weight: normal; color: var(--muted); }
    .subtitle { color: var(--muted); margin: 0; }
    nav { margin: 10px 0 0; font-size: 13px; } nav a { margin-right: 14px; color: var(--prep); text-decoration: none; }
    table { border-collapse: collapse; } th { text-align: left; font-weight: 600; } .num { text-align: right; white-space: nowrap; }
    .small, .note { font-size: 12px; color: var(--muted); }
    .summary { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 28px; align-items: start; }
    .cards { grid-column: 1 / 3; display: flex; gap: 10px; flex-wrap: wrap; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 150px; }
    .card.warn { border-color: var(--unscheduled); } .card.warn .card-value { color: var(--unscheduled); }
    .card-title { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
    .card-value { font-size: 22px; font-weight: 700; } .card-sub { font-size: 12px; color: var(--muted); }
    table.solver th, table.terms th { padding: 3px 16px 3px 0; font-weight: normal; color: var(--muted); }
    table.solver td, table.terms td { padding: 3px 0; }
    table.terms caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
    tr.total th, tr.total td { border-top: 1px solid var(--ink); font-weight: 700; color: var(--ink); }
    .status-optimal { color: var(--followup); font-weight: 700; } .status-feasible { color: var(--workshop); font-weight: 700; }
    .status-infeasible, .status-no_plan { color: var(--unscheduled); font-weight: 700; }
    ul.legend { list-style: none; padding: 0; margin: 6px 0 8px; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; }
    ul.legend li { display: flex; align-items: center; gap: 6px; } ul.legend svg { width: 14px; height: 14px; }
    .swatch { display: inline-block; width: 18px; height: 12px; border-radius: 2px; }
    .ev-preparation { fill: var(--prep); background: var(--prep); } .ev-workshop { fill: var(--workshop); background: var(--workshop); }
    .ev-followup { fill: var(--followup); background: var(--followup); } .ev-pinned { fill: var(--pinned); background: var(--pinned); }
    .ev-exchange { fill: var(--exchange); background: var(--exchange); }
    .unavailable-swatch { background: repeating-linear-gradient(45deg, #9aa1ab 0 2px, #eceef1 2px 4px); }
    .horizon-swatch { background: var(--horizon); border: 1px solid #e8d9a0; }
    svg.timeline { width: 100%; height: auto; display: block; font-size: 14px; }
    .timeline .horizon { fill: var(--horizon); } .timeline .month-line { stroke: #c4c9d0; stroke-width: 1; }
    .timeline .row-line { stroke: #eceef1; } .timeline .month-label { fill: var(--muted); }
    .timeline .row-label { font-weight: 600; fill: var(--ink); } .timeline .row-sub { fill: var(--muted); font-size: 12px; }
    .timeline .unavailable { fill: url(#hatch); } .timeline .hatch { fill: #9aa1ab; }
    .timeline .event { stroke: #fff; stroke-width: .5; } .timeline .event:hover { stroke: var(--ink); stroke-width: 1.5; }
    .timeline .exchange-line { stroke: var(--exchange); stroke-width: 3; }
    .months { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px 28px; align-items: start; }
    table.month { width: 100%; table-layout: fixed; font-size: 10px; }
    table.month caption { font-weight: 700; font-size: 13px; text-align: left; padding-bottom: 2px; }
    table.month th { text-align: center; color: var(--muted); font-weight: normal; }
    table.month td { border: 1px solid var(--line); vertical-align: top; height: 38px; padding: 1px 2px; }
    table.month td.weekend { background: #f4f5f7; } table.month td.empty { border: none; background: none; }
    .dom { color: var(--muted); } .chip { color: #fff; border-radius: 2px; padding: 0 2px; margin-top: 1px;
           overflow-wrap: anywhere; hyphens: auto; line-height: 1.3; } .chip .who { display: block; opacity: .9; font-size: 90%; }
    table.overview td.num, table.overview th.num { white-space: nowrap; }
    .map-block { position: relative; }
    #show-travel { position: absolute; opacity: 0; width: 1px; height: 1px; }
    label[for=show-travel] { cursor: pointer; color: var(--prep); }
    .switch { display: inline-block; width: 12px; height: 12px; border: 1px solid var(--muted); border-radius: 2px; vertical-align: -1px; }
    #show-travel:checked ~ ul .switch { background: var(--prep); border-color: var(--prep); }
    .map-row { display: flex; gap: 28px; align-items: flex-start; } .map-row > .map-block { flex: 0 1 640px; }
    .map-wrap { max-width: 640px; }
    table.trainers td, table.trainers th { padding: 4px 10px 4px 0; border-bottom: 1px solid var(--line); white-space: nowrap; }
    svg.map { width: 100%; height: auto; display: block; font-size: 10px; }
    .map .state { fill: #eef1ea; stroke: #8c949e; stroke-width: .8; stroke-linejoin: round; }
    .map .state:hover { fill: #e1e8d8; }
    .map .travel { stroke: var(--prep); stroke-width: 1.2; stroke-dasharray: 3 2; display: none; }
    .map .muni:hover .travel, #show-travel:checked ~ .map-wrap .travel { display: inline; }
    .map .muni.pinned .travel { stroke: var(--pinned); }
    .map .scheduled .marker { fill: var(--prep); stroke: #fff; stroke-width: 1; }
    .map .pinned .marker { fill: var(--pinned); stroke: #fff; stroke-width: 1; }
    .map .unscheduled .marker { stroke: var(--unscheduled); stroke-width: 2.5; fill: none; }
    .map .home .marker { fill: var(--ink); } .map .home-label { font-weight: 700; font-size: 11px; fill: var(--ink);
           paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    .map .label { fill: #39414d; paint-order: stroke; stroke: #fff; stroke-width: 2.5px; }
    .map .muni:hover .label { font-weight: 700; }
    .m-scheduled { fill: var(--prep); } .m-pinned { fill: var(--pinned); } .m-unscheduled { stroke: var(--unscheduled); stroke-width: 2.5; fill: none; }
    .m-home { fill: var(--ink); }
    table.unscheduled { width: 100%; } table.unscheduled td, table.unscheduled th { border-bottom: 1px solid var(--line); padding: 6px 8px 6px 0; vertical-align: top; }
    table.unscheduled ul { margin: 0; padding-left: 18px; }
    table.unscheduled .rule { display: inline-block; min-width: 2.2em; padding: 0 4px; margin-right: 4px; border-radius: 3px;
        background: #eef0f3; color: var(--muted); font-size: 11px; font-weight: 700; text-align: center; }
    table.unscheduled ul.changes { margin: 4px 0; } table.unscheduled code { font-size: 11px; }
    .sheet { border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px; margin: 0 0 16px; break-inside: avoid; }
    table.facts th { font-weight: normal; color: var(--muted); padding: 2px 18px 2px 0; } table.facts { margin-bottom: 10px; }
    table.costs { width: 100%; } table.costs th { border-bottom: 1px solid var(--ink); padding: 4px 6px; }
    table.costs td { padding: 3px 6px; border-bottom: 1px solid var(--line); }
    table.costs tr.subtotal td { font-weight: 600; } table.costs tr.total td { font-size: 15px; }
    table.roster-table td:nth-child(-n+3) { white-space: nowrap; } table.roster-table td { vertical-align: top; }
    footer { margin-top: 36px; border-top: 1px solid var(--line); padding-top: 8px; font-size: 12px; color: var(--muted); }
    @page { size: A4; margin: 14mm 12mm; }
    @page wide { size: A4 landscape; margin: 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
      nav, label[for=show-travel], .map-block ul.legend li:last-child { display: none; }
      h2 { margin-top: 0; }
      #zeitleiste, #kalender { page: wide; }
      #kalender, #karte, #kosten, #einsatzplaene { break-before: page; }
      table.roster-table { font-size: 9pt; } table.roster-table tfoot { display: table-row-group; }   /* the total once, at the end */
      .months { grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 6px 14px; }
      table.month td { height: 17px; font-size: 6.5pt; } table.month { break-inside: avoid; } .chip { line-height: 1.15; }
      table.month caption { font-size: 9pt; }
      .map-row { display: block; } .map-wrap { max-width: 125mm; } table.trainers { margin-top: 4mm; }
      h2, h3 { break-after: avoid; } #offen, #austausch { break-inside: avoid; }
      .sheet { break-after: page; border: none; padding: 0; }
      .sheet:last-child { break-after: auto; }
      .chip, .swatch, .timeline, .map { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }
    """
}
