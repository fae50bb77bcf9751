/**
 * Reference data of the country teams' world: the agencies that draft sections and the country
 * teams that run reviews. The entry point is {@link org.uprengage.engine.directory.Directory}.
 */
package org.uprengage.engine.directory;
