/**
 * Demo data for the quick start: the country team the demo users work in, with one milestone offset
 * of its own. Active in profile {@code demo}.
 */
package org.uprengage.engine.demo;
