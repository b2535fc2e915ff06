/**
 * Attack chains: findings from every source correlated into one story per actor.
 *
 * <p>{@link org.exhunt.hunt.chain.ChainBuilder} ties client addresses together when they use the
 * same web shell or the same real account, attaches web-shell files found on disk to the actor
 * that requested them, and attaches processes started by the Exchange web workers to the actor
 * that exploited the server or drove a web shell just before. Each chain's findings are then told
 * as stages (ATT&amp;CK tactics in kill-chain order), steps (repeats collapsed) and a summary.
 */
package org.exhunt.hunt.chain;
