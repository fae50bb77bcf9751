/**
 * Country teams, relayed to workflow-engine: created and closed by platform admins, kept by them
 * and the team's admins, and each team's milestone offsets its next reviews are planned with.
 */
package org.uprengage.webapi.team;
