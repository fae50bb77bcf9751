package org.uprengage.engine.recommendation;

import java.util.List;

/**
 * Agencies asked to take on recommendations: the lead and those supporting it.
 *
 * @param leadAgency the code of the agency that leads, such as UNICEF
 * @param supportingAgencies the codes of the agencies supporting it; none is an empty list
 */
public record AssignmentRequest(String leadAgency, List<String> supportingAgencies) {}
