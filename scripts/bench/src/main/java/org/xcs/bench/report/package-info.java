/** Figures, their spread over repeated runs, the ratio table and the JSON kept for every run. */
package org.xcs.bench.report;
