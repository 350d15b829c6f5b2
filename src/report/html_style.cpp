#include "report/html_style.h"

namespace verdeel::report {

const char* const kReportCss = R"css(
:root { --ink: #1b1b1b; --muted: #5f6368; --line: #d0d4d9; --accent: #154273; --basis: #2f6fa8; --extra: #e17000; --p: #c0262d; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 1000px; padding: 24px 28px 48px; line-height: 1.45; font-size: 15px; }
header.doc { border-left: 6px solid var(--accent); padding: 4px 0 4px 16px; margin-bottom: 20px; }
header.doc .kicker { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .02em; }
h1 { font-size: 26px; margin: 4px 0 2px; color: var(--accent); }
h2 { font-size: 19px; margin: 32px 0 10px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
.sub { margin: 0; color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
.notice { border: 2px solid var(--p); padding: 8px 12px; margin: 12px 0; }
.ok { border-left: 4px solid var(--basis); padding: 6px 12px; margin: 12px 0; background: #f3f7fb; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr.total td { border-top: 2px solid var(--ink); border-bottom: none; font-weight: 700; }
td.note, p.note { color: var(--muted); font-size: 13px; }
p.superseded { border: 2px solid var(--p); padding: 8px 12px; color: var(--p); }
a { color: var(--accent); }
table.tabel1 a { text-decoration: none; border-bottom: 1px dotted var(--accent); }
figure { margin: 12px 0 24px; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg.chart text { fill: var(--ink); }
svg.chart .legend text { fill: var(--ink); }
svg.chart .grid line { stroke: #e6e8eb; stroke-width: 1; }
svg.chart .grid text { fill: var(--muted); }
svg.chart .b-basis { fill: var(--basis); }
svg.chart .b-extra { fill: var(--extra); }
svg.chart line.ind { stroke: var(--ink); stroke-width: 2; }
svg.chart .pline { fill: none; stroke: var(--p); stroke-width: 1.6; stroke-dasharray: 5 3; }
svg.chart .name { font-size: 12px; }
svg.chart .num { font-size: 11px; fill: var(--muted); }
svg.chart .excluded .name { fill: var(--muted); font-style: italic; }
svg.chart a:hover .name { text-decoration: underline; }
ul.reasons { margin: 4px 0 0; padding-left: 20px; }
details.uitleg { border: 1px solid var(--line); border-radius: 4px; margin: 6px 0; padding: 4px 10px; }
details.uitleg[open] { border-color: var(--accent); }
details.uitleg summary { cursor: pointer; font-weight: 600; }
details.uitleg summary .code { color: var(--muted); font-weight: 400; }
details.uitleg ul { margin: 6px 0 4px; padding-left: 20px; }
details.uitleg pre { white-space: pre-wrap; font-size: 13px; margin: 6px 0; }
details.explain { margin: 4px 0 6px; }
details.explain summary { font-weight: 400; color: var(--accent); }
pre.explain { white-space: pre-wrap; font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; line-height: 1.4; background: #f6f7f9; border: 1px solid var(--line); padding: 8px 10px; margin: 4px 0; max-height: 32em; overflow: auto; }
.print-only { display: none; }
section.grootboek p { margin-top: 12px; }
.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; word-break: break-all; }
pre.note { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-all; border: 1px solid var(--line); padding: 8px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  html { background: #fff; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; border: none !important; }
  .ok { background: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, figure, details.uitleg, dl.facts { break-inside: avoid; page-break-inside: avoid; }
  section.charts figure { break-before: page; page-break-before: always; }
  section.uitleg { break-before: page; page-break-before: always; }
  details.uitleg { border: none; border-bottom: 1px solid var(--line); border-radius: 0; padding: 2px 0; }
  details.uitleg::details-content { content-visibility: visible; display: block; }
  details.uitleg summary { list-style: none; }
  details.uitleg summary::-webkit-details-marker { display: none; }
  .screen-only { display: none !important; }
  .print-only { display: block; }
}
)css";

const char* const kReportJs = R"js(
(function () {
  function open(hash) {
    if (!hash || hash.indexOf('#uitleg-') !== 0) return;
    var el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el && el.tagName === 'DETAILS') { el.open = true; el.scrollIntoView({block: 'start'}); }
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a') : null;
    if (!a) return;
    var href = a.getAttribute('href') || '';
    if (href.indexOf('#uitleg-') === 0) { e.preventDefault(); history.replaceState(null, '', href); open(href); }
  });
  window.addEventListener('hashchange', function () { open(location.hash); });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details.uitleg').forEach(function (d) { d.open = true; });
  });
  open(location.hash);
})();
)js";

}  // namespace verdeel::report
