#pragma once
// The inline stylesheet and script of the HTML report (no external reference).
namespace verdeel::report {

// Screen and print (@media print: A4, no dark backgrounds, page breaks
// before the charts and the appendix, every explanation opened).
extern const char* const kReportCss;
// Opens the explanation of a municipality when its name or bar is clicked
// (or the page is opened at #uitleg-CODE), and every explanation before printing.
extern const char* const kReportJs;

}  // namespace verdeel::report
