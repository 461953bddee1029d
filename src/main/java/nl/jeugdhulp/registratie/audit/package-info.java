/**
 * The NEN 7513 access log. Every create, read, update, delete and execute on trajectory data, and
 * every login and failed login, is written through {@link nl.jeugdhulp.registratie.audit.AuditLog}
 * in the caller's transaction, so a change and its log record commit or roll back together.
 */
package nl.jeugdhulp.registratie.audit;
