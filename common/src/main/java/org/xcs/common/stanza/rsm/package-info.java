/**
 * XEP-0059 Result Set Management: the request {@code <set/>} (max, after, before, index), a pager over any ordered
 * {@link org.xcs.common.stanza.rsm.PageSource} that fetches one page at a time, and the result {@code <set/>}
 * (first with index, last, count).
 */
package org.xcs.common.stanza.rsm;
