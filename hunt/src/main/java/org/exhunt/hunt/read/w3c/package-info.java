/** The reader of W3C extended log files as IIS writes them. */
package org.exhunt.hunt.read.w3c;
