/**
 * CAP-J, the classification of the problems a young person and family ask help for, as reference
 * data in the database (administrable, not an enum). {@link nl.jeugdhulp.registratie.classification.CapjCatalogue}
 * is the public facade: the picker's list, code normalisation and validation.
 */
package nl.jeugdhulp.registratie.classification;
