/** The report's styles: readable on screen and on paper, contrast at least 4.5:1 (WCAG 2.2 SC 1.4.3). */
export const REPORT_STYLES = `
:root { color: #1b1b1b; background: #fff; font: 16px/1.5 system-ui, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #2f4f8f; } h3 { margin-top: 2rem; }
.lead, .type, .rule { color: #4a4a4a; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .5rem; }
.figures div { border: 1px solid #c8c8c8; padding: .5rem; } .figures dt { font-size: .85rem; color: #4a4a4a; } .figures dd { margin: 0; font-size: 1.2rem; font-weight: 600; }
.table-wrap { overflow-x: auto; } table { border-collapse: collapse; margin: 1rem 0; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .5rem; text-align: left; vertical-align: top; } thead th { background: #eef1f7; }
figure { margin: 1rem 0; } figcaption { font-size: .9rem; color: #4a4a4a; }
.chart { max-width: 100%; height: auto; } .chart .bar { fill: #2f5597; } .chart .label, .chart .value { fill: #1b1b1b; font-size: 13px; }
.chart .mark { stroke: #8a2b06; stroke-dasharray: 4 3; } .chart .axis { stroke: #1b1b1b; }
.flags li { margin: .25rem 0; } a { color: #1f4690; }
@media print { h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
`;
