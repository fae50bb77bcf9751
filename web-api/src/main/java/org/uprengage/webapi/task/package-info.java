/**
 * The public task resource: list your tasks and your groups' claimable ones, claim, give back,
 * complete.
 */
package org.uprengage.webapi.task;
