/**
 * Self-contained SVG charts for the report figures (F1–F4). {@link nl.jeugdhulp.registratie.reporting.chart.SvgCharts}
 * turns a {@link nl.jeugdhulp.registratie.reporting.chart.BarChart} into plain SVG 1.1 markup: no scripts, no CSS,
 * no external resources (system font {@code sans-serif}), only presentation attributes, so the same string can be
 * inlined in a page under a strict Content-Security-Policy, saved as a {@code .svg} file or embedded in a PDF.
 * Every text comes from the caller; the package holds no UI text.
 */
package nl.jeugdhulp.registratie.reporting.chart;
