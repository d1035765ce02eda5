/** How entities become COPY rows: the table plan, value rendering, and the two insert paths. */
package dev.pgorm.bulk.internal;
