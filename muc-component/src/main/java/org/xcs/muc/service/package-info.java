/** The MUC service (XEP-0045 §6): the rooms it hosts, creation policy, service-wide settings. */
package org.xcs.muc.service;
