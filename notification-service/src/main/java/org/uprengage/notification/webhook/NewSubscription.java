package org.uprengage.notification.webhook;

import java.util.List;

/**
 * What a caller asks for: the URL to post to, the event kinds wanted (such as {@code
 * task.created}), the country team, and the agency when only that agency's events are wanted.
 */
public record NewSubscription(
    String countryTeam, String agency, String url, List<String> eventKinds) {}
