/**
 * What a notification says, kept as message keys and arguments ({@link
 * org.uprengage.notification.wording.Wording}) so that each person reads it in their language and
 * time zone, rendered when it reaches them (the inbox, an e-mail, the digest as it is sent). Task
 * names and times in the arguments are rendered per person too.
 */
package org.uprengage.notification.wording;
