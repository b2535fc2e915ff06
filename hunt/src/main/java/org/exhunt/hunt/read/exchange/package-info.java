/** The reader of Exchange Server CSV logs: HttpProxy, ECP server, OAB generator and the rest. */
package org.exhunt.hunt.read.exchange;
