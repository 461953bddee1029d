/**
 * The registration exchange format (shared/domain/exchange-format.md): the export of trajectories
 * and supporters as XLSX or ZIP of CSV with a codebook and SPSS/R scripts
 * ({@link nl.jeugdhulp.registratie.exchange.ExportService}), and the import: a practice supporter's
 * own registration, or a pilot with its professionals sheet for a project leader or administrator,
 * with a dry run, a background job with progress, all-or-nothing or valid-rows-only writing and the
 * same on the API ({@code POST /api/v1/imports}).
 * {@link nl.jeugdhulp.registratie.exchange.ExchangeColumns} names the columns both sides use.
 */
package nl.jeugdhulp.registratie.exchange;
