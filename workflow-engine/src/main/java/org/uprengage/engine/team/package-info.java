/**
 * Country teams as platform admins keep them: created for a State with its time zone, language and
 * the agencies present, changed with If-Match, closed when the team stops. The entry point is
 * {@link org.uprengage.engine.team.CountryTeams}; the table and its checks stay inside.
 */
package org.uprengage.engine.team;
