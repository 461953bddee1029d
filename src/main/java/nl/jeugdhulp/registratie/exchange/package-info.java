/**
 * The registration exchange format (shared/domain/exchange-format.md): the export of trajectories
 * and supporters as XLSX or ZIP of CSV with a codebook and SPSS/R scripts
 * ({@link nl.jeugdhulp.registratie.exchange.ExportService}), and a practice supporter's import of
 * their own registration file with a dry run and all-or-nothing or valid-rows-only writing.
 * {@link nl.jeugdhulp.registratie.exchange.ExchangeColumns} names the columns both sides use.
 */
package nl.jeugdhulp.registratie.exchange;
