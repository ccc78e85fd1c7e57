/**
 * The basic IQ services every component answers: XEP-0199 ping, XEP-0092 software version and XEP-0202 entity
 * time, each announcing its feature in disco#info.
 */
package org.xcs.common.service;
