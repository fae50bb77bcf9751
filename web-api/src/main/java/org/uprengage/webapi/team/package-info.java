/** A country team's own settings: the milestone offsets its next reviews are planned with. */
package org.uprengage.webapi.team;
