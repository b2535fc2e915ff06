/**
 * A YARA-compatible rule engine: rules are parsed, compiled into atoms searched all at once,
 * and evaluated over the bytes of each file.
 */
package org.exhunt.yara;
