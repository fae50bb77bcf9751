/**
 * The engine's directory of people: kept from the identity provider's claims as requests arrive
 * (written only when they changed), or loaded by admins from a CSV; each change travels as {@code
 * person.updated.v1}. The entry point is {@link org.uprengage.engine.people.People}.
 */
package org.uprengage.engine.people;
