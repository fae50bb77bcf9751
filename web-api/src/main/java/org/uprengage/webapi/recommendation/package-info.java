/**
 * The public face of each review's register of recommendations: importing OHCHR's thematic list or
 * a CSV, and browsing the register. workflow-engine keeps the register; this package relays with
 * the caller's identity and documents the API.
 */
package org.uprengage.webapi.recommendation;
